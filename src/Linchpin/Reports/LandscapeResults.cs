using System.Text;
using System.Text.Json;
using Linchpin.Alignment;
using Linchpin.Data;
using Linchpin.World;

namespace Linchpin.Reports;

/// <summary>A solved landscape: the minimum-energy configuration, the local minima found, and how they were found.</summary>
/// <param name="Problem">The actors, sizes and propensities.</param>
/// <param name="Method"><c>exact</c> (every configuration) or <c>search</c> (multi-start descent).</param>
/// <param name="Best">The minimum-energy configuration.</param>
/// <param name="Minima">The local minima, best first.</param>
/// <param name="MinimaCount">How many local minima there are (exact) or were found (search).</param>
/// <param name="Configurations">Configurations enumerated (exact), else <c>null</c>.</param>
/// <param name="Starts">Random starts (search), else <c>null</c>.</param>
public sealed record LandscapeAnswer(LandscapeProblem Problem, string Method, Configuration Best, IReadOnlyList<LocalMinimum> Minima, long MinimaCount, long? Configurations, int? Starts);

/// <summary>
/// The landscape theory of aggregation (Axelrod and Bennett 1993) as <c>linchpin landscape</c>
/// computes it: the problem from an input or derived from data, solved exactly or by search.
/// </summary>
public static class LandscapeResults
{
    /// <summary>The most actors solved exactly when the method is left to choose.</summary>
    public const int AutoExactActors = 28;

    /// <summary>The most coalitions a split may have.</summary>
    public const int MaxCoalitions = 1000;

    /// <summary>The most random starts of the search.</summary>
    public const int MaxStarts = 10_000_000;

    /// <summary>
    /// The problem of <paramref name="states"/> (comma separated: ISO3, COW abbreviation or number) in
    /// <paramref name="year"/>: sizes from CINC, propensities from alliance-portfolio similarity (S, ATOP 5.1)
    /// less <paramref name="rivalryWeight"/> for an active strategic rivalry.
    /// </summary>
    /// <exception cref="LinchpinException">An unknown state, one named twice, one outside the system that year, or a negative weight.</exception>
    public static LandscapeProblem Derive(int year, string states, double rivalryWeight)
    {
        ArgumentNullException.ThrowIfNull(states);
        if (rivalryWeight < 0)
        {
            throw new LinchpinException($"--rivalry-weight: must not be negative, got {rivalryWeight}");
        }

        var countries = CountryDirectory.Shipped;
        var parts = states.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
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

    /// <summary>
    /// Solves the problem into <paramref name="coalitions"/> coalitions with <paramref name="method"/>
    /// (<c>exact</c>, <c>search</c>, or <c>auto</c>: exact for 2 coalitions up to <see cref="AutoExactActors"/> actors).
    /// </summary>
    /// <exception cref="LinchpinException">Fewer than 2 coalitions, an unknown method, exact search beyond its bound, or fewer than one start.</exception>
    public static LandscapeAnswer Solve(LandscapeProblem problem, int coalitions, string method, int starts, int seed)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(method);
        // The ranges of the command's options, said in the same words (the command line checks them as it parses).
        if (InputNumber.Problem(coalitions, 2, MaxCoalitions) is { } badCoalitions)
        {
            throw new LinchpinException($"--coalitions: {badCoalitions}");
        }

        var chosen = method.ToLowerInvariant();
        var exact = chosen switch
        {
            "exact" => coalitions == 2 && problem.Count <= Landscape.MaxExactActors
                ? true
                : throw new LinchpinException($"--method exact: only for 2 coalitions and at most {Landscape.MaxExactActors} actors (use --method search)"),
            "search" => false,
            "auto" => coalitions == 2 && problem.Count <= AutoExactActors,
            _ => throw new LinchpinException($"--method: unknown method '{chosen}' (use exact, search or auto)"),
        };
        if (InputNumber.Problem(starts, 1, MaxStarts) is { } badStarts)
        {
            throw new LinchpinException($"--starts: {badStarts}");
        }

        if (exact)
        {
            var solution = Landscape.SolveExact(problem, basins: problem.Count <= Landscape.MaxBasinActors);
            return new LandscapeAnswer(problem, "exact", solution.GlobalMinimum, solution.LocalMinima, solution.LocalMinimumCount, solution.Configurations, null);
        }

        var search = Landscape.Search(problem, coalitions, starts, new Random(seed));
        return new LandscapeAnswer(problem, "search", search.Best, search.Minima, search.Minima.Count, null, search.Starts);
    }

    /// <summary>The coalitions of a configuration, as lists of actor names (empty coalitions left out).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Coalitions(LandscapeProblem problem, IReadOnlyList<int> sides)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(sides);
        return [.. Enumerable.Range(0, sides.Max() + 1)
            .Select(c => (IReadOnlyList<string>)[.. Enumerable.Range(0, problem.Count).Where(i => sides[i] == c).Select(i => problem.Names[i])])
            .Where(c => c.Count > 0)];
    }

    /// <summary>The local minima as rows: <c>rank, energy, basin, coalitions</c>.</summary>
    public static ResultTable MinimaTable(LandscapeAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new(
            [new("rank", typeof(int)), new("energy", typeof(double)), new("basin", typeof(long)), new("coalitions", typeof(string))],
            [.. answer.Minima.Select((m, i) => (IReadOnlyList<object?>)[i + 1, m.Energy, m.BasinSize, string.Join(" | ", Coalitions(answer.Problem, m.Sides).Select(c => string.Join(", ", c)))])]);
    }

    /// <summary>The answer as <c>linchpin landscape --format json</c> prints it (without the final line break).</summary>
    public static string Json(LandscapeAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var problem = answer.Problem;
        var others = answer.Minima.Where(m => !m.Sides.SequenceEqual(answer.Best.Sides)).ToList();
        var frustration = Landscape.WeightedFrustration(problem, answer.Best.Sides);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("method", answer.Method);
            json.WriteNumber("actors", problem.Count);
            json.WritePropertyName("coalitions");
            WriteCoalitions(json, Coalitions(problem, answer.Best.Sides));
            json.WriteNumber("energy", answer.Best.Energy);
            json.WriteStartObject("weighted_frustration");
            for (var i = 0; i < problem.Count; i++)
            {
                json.WriteNumber(problem.Names[i], frustration[i]);
            }

            json.WriteEndObject();
            if (answer.Minima.FirstOrDefault(m => m.Sides.SequenceEqual(answer.Best.Sides))?.BasinSize is { } basin)
            {
                json.WriteNumber(answer.Method == "exact" ? "basin" : "hits", basin);
            }

            json.WriteNumber("local_minimum_count", answer.MinimaCount);
            if (answer.Configurations is { } configurations)
            {
                json.WriteNumber("configurations", configurations);
            }

            if (answer.Starts is { } starts)
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
                    json.WriteNumber(answer.Method == "exact" ? "basin" : "hits", size);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteCoalitions(Utf8JsonWriter json, IReadOnlyList<IReadOnlyList<string>> coalitions)
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
