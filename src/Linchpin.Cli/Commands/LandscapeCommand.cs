using System.CommandLine;
using System.Text;
using System.Text.Json;
using Linchpin.Alignment;
using Linchpin.Cli.Commands.Game;
using Linchpin.Cli.Output;
using Linchpin.Data;
using Linchpin.Reports;
using Linchpin.World;

namespace Linchpin.Cli.Commands;

/// <summary>
/// <c>linchpin landscape</c>: the landscape theory of aggregation (Axelrod and Bennett 1993) on a
/// YAML/JSON input or on states whose sizes and propensities are derived from data.
/// </summary>
internal static class LandscapeCommand
{
    /// <summary>The most actors solved exactly when the method is left to choose.</summary>
    private const int AutoExactActors = 28;

    public static Command Build(CliEnvironment environment)
    {
        var input = new Option<string?>("--input", "-i") { Description = "Input file (.yaml, .yml or .json): actors with sizes, propensities by pair 'A,B'" };
        var year = new Option<int?>("--year") { Description = "With --states: the year whose data give sizes (CINC) and propensities" };
        var states = new Option<string?>("--states") { Description = "With --year: comma-separated states (ISO3, COW abbreviation or number)" };
        var derive = new Option<bool>("--derive-propensities") { Description = "Derive propensities from alliance-portfolio similarity (S) and strategic rivalries" };
        var rivalry = new Option<double>("--rivalry-weight") { Description = "Propensity subtracted for an active strategic rivalry", DefaultValueFactory = _ => 1 };
        var coalitions = new Option<int>("--coalitions") { Description = "Number of coalitions (exact search only for 2)", DefaultValueFactory = _ => 2 };
        var method = new Option<string>("--method") { Description = $"exact, search (multi-start descent), or auto (exact for 2 coalitions up to {AutoExactActors} actors)", DefaultValueFactory = _ => "auto" };
        var starts = new Option<int>("--starts") { Description = "Random starts of the search", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the search", DefaultValueFactory = _ => 1 };
        var command = new Command("landscape", "Landscape theory of aggregation: the minimum-energy split into coalitions, every local minimum and its basin of attraction");
        foreach (var option in new Option[] { input, year, states, derive, rivalry, coalitions, method, starts, seed })
        {
            command.Options.Add(option);
        }

        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            LandscapeProblem problem;
            if (parsed.GetValue(input) is { } path)
            {
                if (parsed.GetValue(year) is not null || parsed.GetValue(states) is not null)
                {
                    throw new LinchpinException("landscape: give --input FILE, or --year with --states and --derive-propensities, not both");
                }

                problem = LandscapeInput.Parse(GameInputFile.Read(path), path);
            }
            else if (parsed.GetValue(year) is { } when && parsed.GetValue(states) is { } list)
            {
                if (!parsed.GetValue(derive))
                {
                    throw new LinchpinException("landscape: --year and --states need --derive-propensities (or give --input FILE)");
                }

                problem = Derive(when, list, parsed.GetValue(rivalry));
            }
            else
            {
                throw new LinchpinException("landscape: give --input FILE, or --year Y --states A,B,... --derive-propensities");
            }

            var k = parsed.GetValue(coalitions);
            if (k < 2)
            {
                throw new LinchpinException($"--coalitions: must be at least 2, got {k}");
            }

            var chosen = parsed.GetValue(method)!.ToLowerInvariant();
            var exact = chosen switch
            {
                "exact" => k == 2 && problem.Count <= Landscape.MaxExactActors
                    ? true
                    : throw new LinchpinException($"--method exact: only for 2 coalitions and at most {Landscape.MaxExactActors} actors (use --method search)"),
                "search" => false,
                "auto" => k == 2 && problem.Count <= AutoExactActors,
                _ => throw new LinchpinException($"--method: unknown method '{chosen}' (use exact, search or auto)"),
            };
            if (parsed.GetValue(starts) < 1)
            {
                throw new LinchpinException($"--starts: must be at least 1, got {parsed.GetValue(starts)}");
            }

            Result result;
            if (exact)
            {
                var solution = Landscape.SolveExact(problem, basins: problem.Count <= Landscape.MaxBasinActors);
                result = new Result("exact", solution.GlobalMinimum, solution.LocalMinima, solution.LocalMinimumCount, solution.Configurations, null);
            }
            else
            {
                var search = Landscape.Search(problem, k, parsed.GetValue(starts), new Random(parsed.GetValue(seed)));
                result = new Result("search", search.Best, search.Minima, search.Minima.Count, null, search.Starts);
            }

            Write(problem, result, parsed.GetValue(CommonOptions.Format), environment);
            return 0;
        }));
        return command;
    }

    private sealed record Result(string Method, Configuration Best, IReadOnlyList<LocalMinimum> Minima, long MinimaCount, long? Configurations, int? Starts);

    private static LandscapeProblem Derive(int year, string list, double rivalryWeight)
    {
        if (rivalryWeight < 0)
        {
            throw new LinchpinException($"--rivalry-weight: must not be negative, got {rivalryWeight}");
        }

        var countries = CountryDirectory.Shipped;
        var parts = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            throw new LinchpinException("--states: no states given");
        }

        var resolved = parts.Select(p => (Text: p, Country: countries.Resolve(p))).ToList();
        if (resolved.GroupBy(r => r.Country.Code).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new LinchpinException($"--states: {string.Join(" and ", twice.Select(t => t.Text))} name the same state");
        }

        if (year < DyadYearRequest.FirstSystemYear)
        {
            throw LinchpinException.NoData($"--year {year}: the COW state system begins in {DyadYearRequest.FirstSystemYear}");
        }

        var (pledges, label) = AlliancePledges.Atop();
        var portfolios = AlliancePortfolios.Build(ShippedDyadData.ReadSpells(), pledges, PortfolioCoding.Standard, AlliancePledges.Capabilities(), year, year, label);
        foreach (var (text, country) in resolved)
        {
            if (portfolios.Covers(year) && !portfolios.InSystem(country.Code.Value, year))
            {
                throw new LinchpinException($"--states: {text} ({country.Name}, COW {country.Code.Value}) is not in the COW state system in {year}");
            }
        }

        return DerivedPropensities.Build(portfolios, year, [.. resolved.Select(r => r.Country.Code.Value)], [.. resolved.Select(r => r.Country.Abbreviation)], AlliancePledges.Rivalries(), rivalryWeight);
    }

    private static List<List<string>> Coalitions(LandscapeProblem problem, IReadOnlyList<int> sides) =>
        [.. Enumerable.Range(0, sides.Max() + 1).Select(c => Enumerable.Range(0, problem.Count).Where(i => sides[i] == c).Select(i => problem.Names[i]).ToList()).Where(c => c.Count > 0)];

    private static void Write(LandscapeProblem problem, Result result, OutputFormat format, CliEnvironment environment)
    {
        var others = result.Minima.Where(m => !m.Sides.SequenceEqual(result.Best.Sides)).ToList();
        var frustration = Landscape.WeightedFrustration(problem, result.Best.Sides);
        switch (format)
        {
            case OutputFormat.Json:
                WriteJson(problem, result, others, frustration, environment.Out);
                break;
            case OutputFormat.Csv:
                ResultWriter.WriteCsv(MinimaTable(problem, result), environment.Out);
                break;
            default:
                var summary = new GameResult("Landscape: minimum energy")
                    .Add("method", result.Method).Add("actors", problem.Count).Add("energy", result.Best.Energy)
                    .Add("local minima", result.MinimaCount);
                if (result.Configurations is { } configurations)
                {
                    summary.Add("configurations", configurations);
                }

                if (result.Starts is { } starts)
                {
                    summary.Add("starts", starts);
                }

                var coalitions = Coalitions(problem, result.Best.Sides);
                for (var c = 0; c < coalitions.Count; c++)
                {
                    summary.Add($"coalition {c + 1}", coalitions[c]);
                }

                summary.Players(problem.Names).Column("size", problem.Sizes).Column("coalition", result.Best.Sides.Select(s => (object?)(s + 1)))
                    .Column("weighted frustration", frustration).Table("local minima", MinimaTable(problem, result));
                GameReport.Write(summary, OutputFormat.Table, environment);
                break;
        }
    }

    private static ResultTable MinimaTable(LandscapeProblem problem, Result result) =>
        new(
            [new("rank", typeof(int)), new("energy", typeof(double)), new("basin", typeof(long)), new("coalitions", typeof(string))],
            [.. result.Minima.Select((m, i) => (IReadOnlyList<object?>)[i + 1, m.Energy, m.BasinSize, string.Join(" | ", Coalitions(problem, m.Sides).Select(c => string.Join(", ", c)))])]);

    private static void WriteJson(LandscapeProblem problem, Result result, List<LocalMinimum> others, IReadOnlyList<double> frustration, TextWriter writer)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("method", result.Method);
            json.WriteNumber("actors", problem.Count);
            json.WritePropertyName("coalitions");
            WriteCoalitions(json, Coalitions(problem, result.Best.Sides));
            json.WriteNumber("energy", result.Best.Energy);
            json.WriteStartObject("weighted_frustration");
            for (var i = 0; i < problem.Count; i++)
            {
                json.WriteNumber(problem.Names[i], frustration[i]);
            }

            json.WriteEndObject();
            if (result.Minima.FirstOrDefault(m => m.Sides.SequenceEqual(result.Best.Sides))?.BasinSize is { } basin)
            {
                json.WriteNumber(result.Method == "exact" ? "basin" : "hits", basin);
            }

            json.WriteNumber("local_minimum_count", result.MinimaCount);
            if (result.Configurations is { } configurations)
            {
                json.WriteNumber("configurations", configurations);
            }

            if (result.Starts is { } starts)
            {
                json.WriteNumber("starts", starts);
            }

            json.WriteStartArray("other_local_minima");
            foreach (var minimum in others)
            {
                json.WriteStartObject();
                json.WritePropertyName("coalitions");
                WriteCoalitions(json, Coalitions(problem, minimum.Sides));
                json.WriteNumber("energy", minimum.Energy);
                if (minimum.BasinSize is { } size)
                {
                    json.WriteNumber(result.Method == "exact" ? "basin" : "hits", size);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteCoalitions(Utf8JsonWriter json, List<List<string>> coalitions)
    {
        json.WriteStartArray();
        foreach (var coalition in coalitions)
        {
            json.WriteStartArray();
            foreach (var name in coalition)
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
    }
}
