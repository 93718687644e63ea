using AppLayer.Protocol;

namespace AppLayer.Site.Agent;

/// <summary>One agent at a time per IS database: <c>&lt;db&gt;.applayer/agent.lock</c>, held open while working.</summary>
internal sealed class AgentLock : IDisposable
{
    private readonly FileStream _file;

    private AgentLock(FileStream file) => _file = file;

    /// <exception cref="UserException">Another agent holds the lock.</exception>
    public static AgentLock Take(SitePaths paths)
    {
        Directory.CreateDirectory(paths.Root);
        var path = Path.Combine(paths.Root, "agent.lock");
        try
        {
            return new AgentLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose));
        }
        catch (IOException ex)
        {
            throw new UserException($"another site agent is working on '{paths.Database}' ({path} is held); try again when it has finished.", ex);
        }
    }

    public void Dispose() => _file.Dispose();
}
