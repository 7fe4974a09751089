using System.Collections.Concurrent;
using Spectre.Console;

namespace SmsVending.MeterEmulator.Load;

/// <summary>One Spectre.Console progress bar per stage, live on the terminal.</summary>
internal sealed class ProgressObserver(ProgressContext context) : ILoadObserver
{
    private readonly ConcurrentDictionary<string, ProgressTask> tasks = new();

    public void Begin(string stage, int total) => tasks[stage] = context.AddTask(stage, maxValue: Math.Max(1, total));

    public void Advance(string stage, int count = 1)
    {
        if (tasks.TryGetValue(stage, out var task))
        {
            task.Increment(count);
        }
    }
}
