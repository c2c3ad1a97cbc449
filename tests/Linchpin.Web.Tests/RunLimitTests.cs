using System.Net;
using System.Net.Http.Json;

namespace Linchpin.Web.Tests;

/// <summary>The run queue's bounds: a full queue answers 429, never a server error.</summary>
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
    public async Task A_run_bigger_than_the_servers_memory_bound_is_refused()
    {
        using var factory = new WebFactory(new WebOptions { MaxTrajectoryCells = 1000 });
        using var client = factory.CreateClient();

        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/runs", UriKind.Relative), new { scenario = "sma-2019", runs = 1000 }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("trajectory cells", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
