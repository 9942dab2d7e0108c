using System.Collections.Concurrent;
using System.Diagnostics;

namespace LandRelease.Data.Common;

/// <summary>
/// Adds up the time spent in each named step of a set-based write (an upload's merge, an activity part), across the
/// parts merged at once, so the upload log can say which single statement is the floor. Off unless a caller starts
/// one: <see cref="Current"/> flows with the async calls it starts, parallel parts included.
/// </summary>
public sealed class StepClock
{
    private static readonly AsyncLocal<StepClock?> Ambient = new();
    private readonly ConcurrentDictionary<string, long> _ticks = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public static StepClock? Current => Ambient.Value;

    /// <summary>Starts adding up steps for the calls that follow in this async flow.</summary>
    public static StepClock Start() => Ambient.Value = new StepClock();

    public static void Stop() => Ambient.Value = null;

    /// <summary>Times <paramref name="step"/> on the current clock, if any.</summary>
    public static async Task<T> TimeAsync<T>(string step, Func<Task<T>> work)
    {
        if (Current is not { } clock)
        {
            return await work();
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            return await work();
        }
        finally
        {
            clock.Add(step, Stopwatch.GetTimestamp() - started);
        }
    }

    public static Task TimeAsync(string step, Func<Task> work) => TimeAsync(step, async () =>
    {
        await work();
        return true;
    });

    public void Add(string step, long ticks)
    {
        if (_ticks.TryAdd(step, 0))
        {
            _order.Enqueue(step);
        }

        _ticks.AddOrUpdate(step, ticks, (_, sum) => sum + ticks);
    }

    /// <summary>"step 1234 ms, step 56 ms, ..." in the order the steps were first met.</summary>
    public string Summary() => string.Join(", ", _order.Select(step =>
        $"{step} {(double)_ticks[step] / Stopwatch.Frequency * 1000:F0} ms"));
}
