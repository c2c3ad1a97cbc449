using System.Net;
using System.Net.Http.Json;

namespace Linchpin.Web.Tests;

/// <summary>The run queue's bounds: a full queue answers 429, never a server error.</summary>
// One collection with the browser tests: a factory finds its host among every host the process builds, so none start side by side.
[Collection(BrowserGroup.Name)]
public sealed class RunLimitTests
{
    [Fact]
    public async Task Fifty_runs_at_once_get_a_job_or_429_never_a_server_error()
    {
        using var factory = new WebFactory(new WebOptions { MaxConcurrentRuns = 1, QueueCapacity = 3, MaxThreadsPerRun = 1 });
        using var client = factory.CreateClient();
        var token = TestContext.Current.CancellationToken;

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            using var response = await client.PostAsJsonAsync(new Uri("/api/v1/runs", UriKind.Relative), new { scenario = "sma-2019", runs = 100_000, seed = i }, token);
            return response.StatusCode;
        }));

        Assert.All(answers, s => Assert.True(s is HttpStatusCode.Accepted or HttpStatusCode.TooManyRequests, s.ToString()));
        Assert.Contains(HttpStatusCode.TooManyRequests, answers);
        Assert.InRange(answers.Count(s => s == HttpStatusCode.Accepted), 1, 5);
    }

    [Fact]
    public async Task A_run_bigger_than_the_servers_file_bound_keeps_its_summary_but_not_its_files()
    {
        using var factory = new WebFactory(new WebOptions { MaxTrajectoryCells = 10, MaxThreadsPerRun = 1 });
        using var client = factory.CreateClient();
        var token = TestContext.Current.CancellationToken;

        using var posted = await client.PostAsJsonAsync(new Uri("/api/v1/runs", UriKind.Relative), new { scenario = "sma-2019", runs = 20 }, token);
        var location = posted.Headers.Location!;
        await ApiTests.WaitUntilFinished(client, location, token);
        using var summary = await client.GetAsync(new Uri(location + "/summary", UriKind.Relative), token);
        using var file = await client.GetAsync(new Uri(location + "/trajectories.parquet", UriKind.Relative), token);

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        Assert.Contains("more trajectory cells than this server keeps (10)", await file.Content.ReadAsStringAsync(token), StringComparison.Ordinal);
    }
}
