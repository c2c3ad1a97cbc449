using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Linchpin.Load;
using Linchpin.Web;

// A bounded load test of `linchpin serve` on loopback: it starts the server in this process on a
// free port, measures fixed-rate and closed-loop request latencies, posts a burst of runs, prints
// the figures and stops. Exit 1 when any answer was a server error (5xx).
var seconds = Argument(args, "--seconds", 10);
var rate = Argument(args, "--rate", 500);
var burst = Argument(args, "--burst", 50);

await using var app = LinchpinWeb.Build(new WebOptions { Urls = ["http://127.0.0.1:0"] });
await app.StartAsync();
var address = new Uri(app.Urls.First());
using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
{
    BaseAddress = address,
    Timeout = TimeSpan.FromSeconds(60),
};

var burden = new Uri("/api/v1/burden?year=2024", UriKind.Relative);
var dyads = new Uri("/api/v1/dyads?from=2000&to=2016&limit=10000", UriKind.Relative);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Linchpin load test: {address}, {Environment.ProcessorCount} cores, {seconds} s per phase"));

// Warm-up: the first request of each kind loads the data and fills the response cache.
await Load.ClosedLoop(client, burden, 4, TimeSpan.FromSeconds(2));
await Load.ClosedLoop(client, dyads, 2, TimeSpan.FromSeconds(2));

var results = new List<(string Name, LoadResult Result)>
{
    ($"GET {burden} at {rate}/s (open loop)", await Load.FixedRate(client, burden, rate, TimeSpan.FromSeconds(seconds))),
    ($"GET {burden}, 32 clients (closed loop)", await Load.ClosedLoop(client, burden, 32, TimeSpan.FromSeconds(seconds))),
    ($"GET {dyads} (10,000 rows), 4 clients", await Load.ClosedLoop(client, dyads, 4, TimeSpan.FromSeconds(seconds))),
};

Console.WriteLine();
Console.WriteLine("| load | requests | req/s | p50 ms | p99 ms | max ms | 5xx | other non-2xx |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
foreach (var (name, r) in results)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {r.Count} | {r.PerSecond:F0} | {r.Percentile(0.50):F2} | {r.Percentile(0.99):F2} | {r.Percentile(1):F2} | {r.ServerErrors} | {r.OtherFailures} |"));
}

// A burst of runs at once: each gets a job (202) or a full queue (429), never a server error.
var before = Process.GetCurrentProcess().WorkingSet64;
var answers = await Task.WhenAll(Enumerable.Range(0, burst).Select(async i =>
{
    using var response = await client.PostAsJsonAsync(new Uri("/api/v1/runs", UriKind.Relative), new { scenario = "sma-2019", runs = 1000, seed = i });
    return (response.StatusCode, response.Headers.Location);
}));
var accepted = answers.Where(a => a.StatusCode == HttpStatusCode.Accepted).Select(a => a.Location!).ToList();
var clock = Stopwatch.StartNew();
foreach (var location in accepted)
{
    while ((await client.GetFromJsonAsync<RunState>(location))!.Status is "queued" or "running")
    {
        await Task.Delay(100);
    }
}

var runErrors = answers.Count(a => (int)a.StatusCode >= 500);
using var process = Process.GetCurrentProcess();
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{burst} concurrent POST /api/v1/runs (sma-2019, 1000 runs each): {accepted.Count} accepted (202), {answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests)} refused (429), "
    + $"{runErrors} server errors, {answers.Length - accepted.Count - answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests) - runErrors} other; "
    + $"accepted runs finished in {clock.Elapsed.TotalSeconds:F1} s; working set {before >> 20} MB before, {process.WorkingSet64 >> 20} MB after, peak {process.PeakWorkingSet64 >> 20} MB"));

await app.StopAsync();
return results.Sum(r => r.Result.ServerErrors) + runErrors > 0 ? 1 : 0;

static int Argument(string[] args, string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}

internal sealed record RunState(string Id, string Status);
