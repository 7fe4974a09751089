namespace SmsVending.MeterEmulator.Load;

/// <summary>Follows a load run's stages (provisioning steps, then purchases): a progress bar on a terminal, nothing otherwise.</summary>
internal interface ILoadObserver
{
    /// <summary>A stage starts with this many steps to do.</summary>
    void Begin(string stage, int total);

    /// <summary>Steps of a stage are done.</summary>
    void Advance(string stage, int count = 1);
}

/// <summary>Shows nothing: for <c>--json</c>, redirected output and tests.</summary>
internal sealed class SilentObserver : ILoadObserver
{
    public static readonly SilentObserver Instance = new();

    public void Begin(string stage, int total)
    {
    }

    public void Advance(string stage, int count = 1)
    {
    }
}
