namespace AppLayer.Sdk;

/// <summary>Where an update writes what it did; lines go to the agent's log and report.</summary>
public interface IUpdateLog
{
    void Info(string message);

    void Warn(string message);
}
