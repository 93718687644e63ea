namespace AppLayer.Sdk;

/// <summary>The outcome of a preflight or verify step.</summary>
public sealed record StepResult(bool Succeeded, string Message)
{
    public static StepResult Ok(string message = "ok") => new(true, message);

    public static StepResult Fail(string message) => new(false, message);
}
