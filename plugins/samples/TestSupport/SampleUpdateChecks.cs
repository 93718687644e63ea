using AppLayer.Sdk;
using AppLayer.Site;

namespace AppLayer.Samples.Tests;

/// <summary>The checks every sample update's tests make the same way; each test class names them in its own words.</summary>
internal static class SampleUpdateChecks
{
    /// <summary>The applayer.update.json copied next to the test assembly from the plugin project.</summary>
    public static UpdateManifest Manifest() =>
        UpdateManifest.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, UpdateManifest.FileName)));

    /// <summary>Applies the update to a fresh demo IS, then runs it again: preflight refuses, and nothing changes.</summary>
    public static async Task RefusesASecondRunAsync(Func<IUpdate> update)
    {
        using var demo = await DemoIs.CreateAsync();
        (await demo.RunAsync(update())).Succeeded.ShouldBeTrue();
        var before = demo.Dump();

        var again = await demo.RunAsync(update());

        again.Succeeded.ShouldBeFalse();
        again.Step.ShouldBe(UpdateStep.Preflight);
        again.Message.ShouldContain("already been applied");
        demo.Dump().ShouldBe(before);
    }

    /// <summary>
    /// Runs the update with <paramref name="damage"/> done between its apply and its verify: verify fails with
    /// <paramref name="expected"/> in its message, and the demo IS is left exactly as it was.
    /// </summary>
    public static async Task FailsVerifyAndRollsBackAsync(IUpdate update, string what, string damage, string expected)
    {
        using var demo = await DemoIs.CreateAsync();
        var before = demo.Dump();

        var outcome = await demo.RunAsync(new TamperAfterApply(update, damage));

        outcome.Succeeded.ShouldBeFalse(what);
        outcome.Step.ShouldBe(UpdateStep.Verify);
        outcome.Message.ShouldContain(expected);
        demo.Dump().ShouldBe(before);
    }
}
