using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Linchpin.Web.Tests;

/// <summary>The REST API through an in-memory server: the same JSON and messages as the command line, problems for bad input, limits.</summary>
// One collection with the browser tests: a factory finds its host among every host the process builds, so none start side by side.
[Collection(BrowserGroup.Name)]
public sealed class ApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<(HttpStatusCode Status, string Body, string? Type)> Get(string url)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative), Token);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Token), response.Content.Headers.ContentType?.MediaType);
    }

    private static JsonElement Problem(string body) => JsonDocument.Parse(body).RootElement;

    [Fact]
    public async Task Burden_of_a_year_is_the_json_of_linchpin_burden()
    {
        var (status, body, _) = await Get("/api/v1/burden?year=2024");
        var cli = Cli.Run("burden", "--year", "2024", "--format", "json");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, cli.Exit);
        Assert.Equal(cli.Out, body);
    }

    [Fact]
    public async Task Burden_trend_and_fair_shares_are_the_json_of_the_commands()
    {
        var trend = await Get("/api/v1/burden/trend?from=2014&to=2019");
        var shares = await Get("/api/v1/burden/shares?year=2023&rule=population");

        Assert.Equal(Cli.Run("burden", "trend", "--from", "2014", "--to", "2019", "--format", "json").Out, trend.Body);
        Assert.Equal(Cli.Run("burden", "shares", "--year", "2023", "--rule", "population", "--format", "json").Out, shares.Body);
    }

    [Fact]
    public async Task A_bad_option_is_a_problem_with_the_commands_message()
    {
        var (status, body, type) = await Get("/api/v1/burden?year=2024&target=7");
        var cli = Cli.Run("burden", "--year", "2024", "--target", "7", "--format", "json");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", type);
        Assert.Equal(2, cli.Exit);
        Assert.Equal(cli.Error.Trim(), "linchpin: " + Problem(body).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_missing_or_mistyped_year_is_a_bad_request_never_a_server_error()
    {
        var missing = await Get("/api/v1/burden");
        var mistyped = await Get("/api/v1/burden?year=abc");

        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Equal("Option '--year' is required.", Problem(missing.Body).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, mistyped.Status);
        Assert.Equal("application/problem+json", mistyped.Type);
    }

    [Fact]
    public async Task A_year_without_data_is_a_data_problem_like_exit_code_3()
    {
        var (status, body, _) = await Get("/api/v1/atlas/network?year=1700");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("1816-2018", Problem(body).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cost_sharing_ledger_and_events_are_the_json_of_linchpin_costshare()
    {
        var ledger = await Get("/api/v1/costshare?host=KOR");
        var events = await Get("/api/v1/costshare?host=JPN&events=true");

        Assert.Equal(Cli.Run("costshare", "--host", "KOR", "--format", "json").Out, ledger.Body);
        Assert.Equal(Cli.Run("costshare", "--host", "JPN", "--events", "--format", "json").Out, events.Body);
    }

    [Fact]
    public async Task Csv_downloads_carry_their_provenance()
    {
        using var response = await _client.GetAsync(new Uri("/api/v1/burden?year=2024&format=csv", UriKind.Relative), Token);
        var text = await response.Content.ReadAsStringAsync(Token);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("iso3,country,year,pct_gdp", text, StringComparison.Ordinal);
        var provenance = JsonDocument.Parse(response.Headers.GetValues("Linchpin-Provenance").Single()).RootElement;
        Assert.Equal("Linchpin", provenance.GetProperty("tool").GetString());
        Assert.Contains(provenance.GetProperty("datasets").EnumerateArray(), d => d.GetProperty("name").GetString() == "nato_pct_gdp");
    }

    [Fact]
    public async Task Dataset_rows_are_filtered_by_column_values_and_paged()
    {
        var one = await Get("/api/v1/datasets/nmc/rows?ccode=2&year=2000");
        var page = await Get("/api/v1/datasets/nmc/rows?ccode=2&limit=5&offset=10");
        var unknown = await Get("/api/v1/datasets/nmc/rows?colour=red");
        var sql = await Get("/api/v1/datasets/nmc/rows?year=2000%20OR%201%3D1");

        var row = Assert.Single(JsonDocument.Parse(one.Body).RootElement.GetProperty("rows").EnumerateArray());
        Assert.Equal(2000, row.GetProperty("year").GetInt32());
        Assert.Equal(1826, JsonDocument.Parse(page.Body).RootElement.GetProperty("rows")[0].GetProperty("year").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Contains("no column 'colour'", unknown.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, sql.Status);
    }

    [Fact]
    public async Task A_dyads_page_holds_at_most_ten_thousand_rows()
    {
        using var response = await _client.GetAsync(new Uri("/api/v1/dyads?from=2000&to=2000&limit=10000", UriKind.Relative), Token);
        var rows = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token)).RootElement.GetProperty("rows");
        var tooMany = await Get("/api/v1/dyads?from=2000&to=2000&limit=10001");

        Assert.Equal(10_000, rows.GetArrayLength());
        Assert.Equal("36290", response.Headers.GetValues("Linchpin-Total-Rows").Single());
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.Status);
    }

    [Fact]
    public async Task A_bad_expected_utility_option_of_dyads_has_the_commands_message()
    {
        var (status, body, _) = await Get("/api/v1/dyads?from=2000&to=2000&with=eu&euRisk=2");
        var cli = Cli.Run("dyads", "--from", "2000", "--to", "2000", "--with", "eu", "--eu-risk", "2");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(2, cli.Exit);
        Assert.Equal(cli.Error.Trim(), "linchpin: " + Problem(body).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Dyads_stream_as_parquet_with_provenance()
    {
        using var response = await _client.GetAsync(new Uri("/api/v1/dyads?from=2010&to=2010&format=parquet", UriKind.Relative), Token);
        var bytes = await response.Content.ReadAsByteArrayAsync(Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("PAR1", Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal("PAR1", Encoding.ASCII.GetString(bytes, bytes.Length - 4, 4));
        Assert.Contains("linchpin.provenance", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scenario_error_names_its_line()
    {
        var text = (await _client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/scenarios/sma-2019", UriKind.Relative), Token)).GetProperty("rows")[0].GetProperty("text").GetString()!;
        var broken = text.Replace("years: 6", "years: many", StringComparison.Ordinal);
        var line = broken.Split('\n').ToList().FindIndex(l => l.StartsWith("years:", StringComparison.Ordinal)) + 1;

        using var response = await _client.PostAsync(new Uri("/api/v1/scenarios/validate", UriKind.Relative), new StringContent(broken, Encoding.UTF8, "text/plain"), Token);
        var problem = Problem(await response.Content.ReadAsStringAsync(Token));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(line, problem.GetProperty("line").GetInt32());
        Assert.StartsWith($"scenario.yaml:{line}: field 'years'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_is_accepted_and_its_summary_is_the_json_of_linchpin_simulate()
    {
        using var post = await _client.PostAsJsonAsync(new Uri("/api/v1/runs", UriKind.Relative), new { scenario = "sma-2019", runs = 120, seed = 7 }, Token);
        var location = post.Headers.Location!;
        var state = await Until(location, s => s.GetProperty("status").GetString() is "done" or "failed");
        var summary = await Get(location + "/summary");
        var cli = Cli.Run("simulate", "--scenario", "sma-2019", "--runs", "120", "--seed", "7", "--format", "json");
        var parquet = await _client.GetByteArrayAsync(new Uri(location + "/trajectories.parquet", UriKind.Relative), Token);
        var events = await Get(location + "/events.csv");
        var manifest = await Get(location + "/manifest.json");

        Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
        Assert.Equal("done", state.GetProperty("status").GetString());
        Assert.Equal(1.0, state.GetProperty("progress").GetDouble());
        Assert.Equal(cli.Out, summary.Body);
        Assert.Equal("PAR1", Encoding.ASCII.GetString(parquet, 0, 4));
        Assert.StartsWith("run,year,iso3,event,value,detail\n", events.Body, StringComparison.Ordinal);
        Assert.Contains("\"seed\": 7", manifest.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_run_says_so_and_has_no_summary()
    {
        using var post = await _client.PostAsJsonAsync(new Uri("/api/v1/runs", UriKind.Relative), new { scenario = "sma-2019", runs = 250_000, seed = 1 }, Token);
        Assert.Equal(HttpStatusCode.Accepted, post.StatusCode);
        var location = post.Headers.Location!;
        using var delete = await _client.DeleteAsync(location, Token);
        var state = await Until(location, s => s.GetProperty("status").GetString() is "cancelled" or "done" or "failed");
        var summary = await Get(location + "/summary");

        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.Equal("cancelled", state.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, summary.Status);
    }

    [Theory]
    [InlineData("{\"scenario\": \"sma-2019\", \"runs\": 0}", "--runs: 0 is outside [1, 1000000]")]
    [InlineData("{\"scenario\": \"sma-2019\", \"runs\": 1000001}", "--runs: 1000001 is outside [1, 1000000]")]
    [InlineData("{\"scenario\": \"sma-2019\", \"threads\": 0}", "--threads: 0 must be at least 1")]
    [InlineData("{\"runs\": 10}", "Option '--scenario' is required.")]
    [InlineData("{\"scenario\": \"sma-2019\", \"runs\": \"many\"}", "--runs: expected a whole number")]
    [InlineData("[1, 2]", "request body: expected a JSON object")]
    public async Task A_bad_run_request_is_refused_with_the_commands_message(string body, string message)
    {
        using var response = await _client.PostAsync(new Uri("/api/v1/runs", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), Token);
        var problem = Problem(await response.Content.ReadAsStringAsync(Token));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(message, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_scenario_has_the_libraries_message()
    {
        using var response = await _client.PostAsJsonAsync(new Uri("/api/v1/runs", UriKind.Relative), new { scenario = "atlantis" }, Token);
        var cli = Cli.Run("simulate", "--scenario", "atlantis", "--runs", "10");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(cli.Error.Trim(), "linchpin: " + Problem(await response.Content.ReadAsStringAsync(Token)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_body_over_the_cap_is_refused()
    {
        var huge = new string('x', (1 << 20) + 10);
        using var response = await _client.PostAsync(new Uri("/api/v1/scenarios/validate", UriKind.Relative), new StringContent(huge, Encoding.UTF8, "text/plain"), Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("nash", "nash.json")]
    [InlineData("core", "three-allies.yaml")]
    [InlineData("credibility", "credibility.yaml")]
    public async Task A_game_answers_the_json_of_linchpin_game(string game, string example)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "examples", example);
        using var response = await _client.PostAsync(new Uri($"/api/v1/games/{game}", UriKind.Relative), new StringContent(await File.ReadAllTextAsync(path, Token), Encoding.UTF8, "text/plain"), Token);
        var cli = Cli.Run("game", game, "--input", path, "--format", "json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(cli.Out, await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task A_derived_landscape_is_the_json_of_linchpin_landscape()
    {
        var (status, body, _) = await Get("/api/v1/landscape?year=1936&states=GMY,FRN,ITA,UKG,RUS,POL");
        var cli = Cli.Run("landscape", "--year", "1936", "--states", "GMY,FRN,ITA,UKG,RUS,POL", "--derive-propensities", "--format", "json");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, cli.Exit);
        Assert.Equal(cli.Out, body);
    }

    [Fact]
    public async Task A_posted_landscape_splits_friends_from_foes()
    {
        const string input = """
            actors:
              - {name: A, size: 1}
              - {name: B, size: 2}
              - {name: C, size: 3}
              - {name: D, size: 1}
            propensity:
              "A,B": 1
              "C,D": 1
              "A,C": -1
              "B,D": -1
            """;
        using var response = await _client.PostAsync(new Uri("/api/v1/landscape", UriKind.Relative), new StringContent(input, Encoding.UTF8, "application/yaml"), Token);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token)).RootElement;
        var coalitions = json.GetProperty("coalitions").EnumerateArray().Select(c => string.Join("", c.EnumerateArray().Select(n => n.GetString()))).Order().ToArray();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["AB", "CD"], coalitions);
        Assert.Equal(-10, json.GetProperty("energy").GetDouble(), 12);
    }

    [Fact]
    public async Task A_bad_landscape_option_has_the_commands_message()
    {
        var (status, body, _) = await Get("/api/v1/landscape?year=1936&states=GMY,FRN&coalitions=1");
        var cli = Cli.Run("landscape", "--year", "1936", "--states", "GMY,FRN", "--derive-propensities", "--coalitions", "1");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(2, cli.Exit);
        // The command line adds where to read more; the message itself is the same.
        Assert.StartsWith("linchpin: " + Problem(body).GetProperty("detail").GetString(), cli.Error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        var (status, body, _) = await Get("/openapi/v1.json");
        var paths = JsonDocument.Parse(body).RootElement.GetProperty("paths");

        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var path in new[] { "/api/v1/runs", "/api/v1/runs/{id}", "/api/v1/burden", "/api/v1/dyads", "/api/v1/datasets/{name}/rows", "/api/v1/scenarios/validate", "/api/v1/costshare", "/api/v1/similarity" })
        {
            Assert.True(paths.TryGetProperty(path, out _) || paths.TryGetProperty(path + "/", out _), path);
        }
    }

    [Fact]
    public async Task Pages_and_scripts_load_nothing_from_elsewhere()
    {
        foreach (var page in new[] { "/", "/burden", "/costshare", "/lab", "/games" })
        {
            var (status, html, type) = await Get(page);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("text/html", type);
            foreach (var source in System.Text.RegularExpressions.Regex.Matches(html, "(?:src|href)=\"([^\"]+)\"").Select(m => m.Groups[1].Value))
            {
                Assert.StartsWith("/", source, StringComparison.Ordinal);
                if (source.StartsWith("/assets/", StringComparison.Ordinal))
                {
                    var asset = await Get(source);
                    Assert.Equal(HttpStatusCode.OK, asset.Status);
                    Assert.DoesNotMatch("(?<!xmlns=\")(?<!\")https?://(?!www\\.w3\\.org/2000/svg)", asset.Body);
                }
            }
        }
    }

    private Task<JsonElement> Until(Uri location, Func<JsonElement, bool> done) => Until(_client, location, done, Token);

    /// <summary>Polls a run until <paramref name="done"/> holds (at most a minute).</summary>
    internal static async Task<JsonElement> Until(HttpClient client, Uri location, Func<JsonElement, bool> done, CancellationToken token)
    {
        for (var i = 0; i < 600; i++)
        {
            var state = await client.GetFromJsonAsync<JsonElement>(location, token);
            if (done(state))
            {
                return state;
            }

            await Task.Delay(100, token);
        }

        throw new TimeoutException($"{location} did not finish");
    }

    /// <summary>Polls a run until it is done, failed or cancelled.</summary>
    internal static Task<JsonElement> WaitUntilFinished(HttpClient client, Uri location, CancellationToken token) =>
        Until(client, location, s => s.GetProperty("status").GetString() is "done" or "failed" or "cancelled", token);
}
