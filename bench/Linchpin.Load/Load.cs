using System.Diagnostics;

namespace Linchpin.Load;

/// <summary>Latencies (ms) and status counts of one load phase.</summary>
internal sealed class LoadResult(double[] latencies, int serverErrors, int otherFailures, TimeSpan elapsed)
{
    private readonly double[] _sorted = [.. latencies.Order()];

    public int Count => _sorted.Length;

    public double PerSecond => Count / elapsed.TotalSeconds;

    public int ServerErrors => serverErrors;

    public int OtherFailures => otherFailures;

    /// <summary>The nearest-rank percentile (p in (0, 1]).</summary>
    public double Percentile(double p) => Count == 0 ? double.NaN : _sorted[Math.Clamp((int)Math.Ceiling(p * Count) - 1, 0, Count - 1)];
}

/// <summary>Two ways to load a server: requests at a fixed rate, and a fixed number of clients asking back to back.</summary>
internal static class Load
{
    /// <summary>
    /// Sends <paramref name="rate"/> requests a second for <paramref name="duration"/>, each at its
    /// scheduled time whether or not earlier ones have answered; a latency counts from the scheduled
    /// time, so a server that falls behind is charged for the wait.
    /// </summary>
    public static async Task<LoadResult> FixedRate(HttpClient client, Uri path, int rate, TimeSpan duration)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var latencies = new double[total];
        var (serverErrors, other) = (0, 0);
        var clock = Stopwatch.StartNew();
        var pending = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var slot = i;
            pending.Add(Task.Run(async () =>
            {
                var status = await Send(client, path);
                latencies[slot] = (clock.Elapsed - due).TotalMilliseconds;
                Count(status, ref serverErrors, ref other);
            }));
        }

        await Task.WhenAll(pending);
        return new LoadResult(latencies, serverErrors, other, clock.Elapsed);
    }

    /// <summary>Runs <paramref name="clients"/> clients that each send the next request when the last one has answered.</summary>
    public static async Task<LoadResult> ClosedLoop(HttpClient client, Uri path, int clients, TimeSpan duration)
    {
        var (serverErrors, other) = (0, 0);
        var clock = Stopwatch.StartNew();
        var all = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            var own = new List<double>();
            while (clock.Elapsed < duration)
            {
                var start = clock.Elapsed;
                var status = await Send(client, path);
                own.Add((clock.Elapsed - start).TotalMilliseconds);
                Count(status, ref serverErrors, ref other);
            }

            return own;
        })));
        return new LoadResult([.. all.SelectMany(l => l)], serverErrors, other, clock.Elapsed);
    }

    private static async Task<int> Send(HttpClient client, Uri path)
    {
        try
        {
            using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
        catch (TaskCanceledException)
        {
            return 0;
        }
    }

    private static void Count(int status, ref int serverErrors, ref int other)
    {
        if (status >= 500)
        {
            Interlocked.Increment(ref serverErrors);
        }
        else if (status is < 200 or >= 300)
        {
            Interlocked.Increment(ref other);
        }
    }
}
