namespace AppLayer.Site.Tests.Crash;

/// <summary>What the kills found: how many left the old state, the new state, or came too late.</summary>
public sealed class CrashReport
{
    public CrashReport(TimeSpan applyDuration) => ApplyDuration = applyDuration;

    public TimeSpan ApplyDuration { get; }

    public int Kills { get; private set; }

    public int OldState { get; private set; }

    public int NewState { get; private set; }

    public int FinishedBeforeKill { get; private set; }

    public Dictionary<KillTarget, int> Targets { get; } = [];

    public void Count(bool isNew, bool finishedFirst, KillTarget target)
    {
        Kills++;
        if (finishedFirst)
        {
            FinishedBeforeKill++;
        }
        else
        {
            Targets[target] = Targets.GetValueOrDefault(target) + 1;
        }

        if (isNew)
        {
            NewState++;
        }
        else
        {
            OldState++;
        }
    }

    public override string ToString() =>
        $"{Kills} kills: {OldState} left the old state, {NewState} the new state ({FinishedBeforeKill} runs had finished before their kill); " +
        $"killed: agent {Targets.GetValueOrDefault(KillTarget.Agent)}, worker {Targets.GetValueOrDefault(KillTarget.Worker)}, both {Targets.GetValueOrDefault(KillTarget.Both)}; every database passed integrity_check and the next run completed";
}
