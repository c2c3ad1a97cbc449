using System.CommandLine;
using System.Globalization;
using Linchpin.Alignment;
using Linchpin.Cli.Output;
using Linchpin.Data;
using Linchpin.Data.Importers;
using Linchpin.Reports;
using Linchpin.World;

namespace Linchpin.Cli.Commands;

/// <summary>
/// <c>linchpin similarity</c>: alliance-portfolio similarity (τb, S, κ, π) of one dyad-year, of every
/// dyad-year in a span, or of two given valuation vectors.
/// </summary>
internal static class SimilarityCommand
{
    private static readonly string[] MeasureNames = ["taub", "s", "s-weighted", "kappa", "pi"];

    public static Command Build(CliEnvironment environment)
    {
        var a = new Option<string?>("--a") { Description = "First state: ISO3 code, COW abbreviation or COW number" };
        var b = new Option<string?>("--b") { Description = "Second state" };
        var year = new Option<int?>("--year") { Description = "Year of the dyad" };
        var measure = new Option<string?>("--measure") { Description = "One measure: taub, s, s-weighted (CINC weights), kappa or pi (default: all; s with --all)" };
        var all = new Option<bool>("--all") { Description = "Every dyad-year of the COW state system from --from to --to" };
        var from = new Option<int>("--from") { Description = "First year with --all", DefaultValueFactory = _ => DyadYearRequest.FirstSystemYear };
        var to = new Option<int>("--to") { Description = "Last year with --all", DefaultValueFactory = _ => DyadYearRequest.LastListedYear };
        var directed = new Option<bool>("--directed") { Description = "With --all: both A-B and B-A rows (default: ccode1 < ccode2)" };
        var output = new Option<string?>("--out") { Description = "With --all: output file, .parquet, .csv or .json (default: print)" };
        var vectors = new Option<string?>("--vectors") { Description = "A CSV of two valuation vectors: columns state,a,b (optional weight); empty = missing" };
        var source = new Option<string>("--source") { Description = "Alliance data: atop (ATOP 5.1, shipped) or cow (your imported COW Formal Alliances)", DefaultValueFactory = _ => "atop" };
        var coding = new Option<string?>("--coding")
        {
            Description = "Portfolio coding over the standard one, e.g. 'defense=3,offense=3,neutrality=2,nonaggression=2,consultation=1,none=0,self=3'; 'binary' for any alliance = 1",
        };
        var distance = new Option<string>("--distance") { Description = "Distance in S: absolute or squared", DefaultValueFactory = _ => "absolute" };
        var dmax = new Option<double?>("--dmax") { Description = "d_max of S (default: the range of the coding, 3)" };
        var command = new Command("similarity", "Alliance-portfolio similarity: Kendall's tau-b, Signorino-Ritter S (unweighted or CINC-weighted), Cohen's kappa, Scott's pi");
        foreach (var option in new Option[] { a, b, year, measure, all, from, to, directed, output, vectors, source, coding, distance, dmax })
        {
            command.Options.Add(option);
        }

        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            var modes = (parsed.GetValue(a) is not null || parsed.GetValue(b) is not null || parsed.GetValue(year) is not null ? 1 : 0)
                + (parsed.GetValue(all) ? 1 : 0) + (parsed.GetValue(vectors) is not null ? 1 : 0);
            if (modes != 1)
            {
                throw new LinchpinException("similarity: give --a, --b and --year for one dyad-year, --all for every dyad-year, or --vectors FILE");
            }

            foreach (var withAll in new Option[] { output, from, to, directed })
            {
                CommonOptions.RefuseUnused(parsed, withAll, parsed.GetValue(all), "only with --all");
            }

            var portfolioCoding = ParseCoding(parsed.GetValue(coding));
            var options = SimilarityOptions.For(portfolioCoding) with
            {
                Distance = parsed.GetValue(distance)!.ToLowerInvariant() switch
                {
                    "absolute" => DistanceMetric.Absolute,
                    "squared" => DistanceMetric.Squared,
                    var other => throw new LinchpinException($"--distance: unknown distance '{other}' (use absolute or squared)"),
                },
                DMax = parsed.GetValue(dmax) is { } d ? (d > 0 ? d : throw new LinchpinException($"--dmax: must be positive, got {d}")) : portfolioCoding.Range,
            };
            var chosen = parsed.GetValue(measure) is { } name ? ParseMeasure(name) : (SimilarityMeasure?)null;
            var format = parsed.GetValue(CommonOptions.Format);
            if (parsed.GetValue(vectors) is { } file)
            {
                return CompareVectors(file, options, chosen, format, environment);
            }

            var sourceName = parsed.GetValue(source)!.ToLowerInvariant();
            if (sourceName is not ("atop" or "cow"))
            {
                throw new LinchpinException($"--source: unknown alliance data '{sourceName}' (use atop or cow)");
            }

            if (parsed.GetValue(all))
            {
                var request = new DyadYearRequest(parsed.GetValue(from), parsed.GetValue(to), parsed.GetValue(directed), DyadJoins.None);
                request.Validate(DateTime.UtcNow.Year - 1);
                return CompareAll(request, sourceName, portfolioCoding, options, chosen ?? SimilarityMeasure.S, parsed.GetValue(output), format, parsed, environment);
            }

            var (textA, textB) = (parsed.GetValue(a), parsed.GetValue(b));
            if (textA is null || textB is null || parsed.GetValue(year) is not { } when)
            {
                throw new LinchpinException("similarity: one dyad-year needs all of --a, --b and --year");
            }

            return ComparePair(textA, textB, when, sourceName, portfolioCoding, options, chosen, format, parsed, environment);
        }));
        return command;
    }

    private static int ComparePair(string textA, string textB, int year, string sourceName, PortfolioCoding coding, SimilarityOptions options, SimilarityMeasure? chosen, OutputFormat format, ParseResult parsed, CliEnvironment environment)
    {
        var countries = CountryDirectory.Shipped;
        var (first, second) = (countries.Resolve(textA), countries.Resolve(textB));
        if (year < DyadYearRequest.FirstSystemYear)
        {
            throw LinchpinException.NoData($"--year {year}: the COW state system begins in {DyadYearRequest.FirstSystemYear}");
        }

        var portfolios = LoadPortfolios(sourceName, coding, year, year, parsed, environment);
        if (!portfolios.Covers(year))
        {
            throw LinchpinException.NoData($"--year {year}: the alliance data ({portfolios.Source}) do not cover this year");
        }

        foreach (var (text, country) in new[] { (textA, first), (textB, second) })
        {
            if (!portfolios.InSystem(country.Code.Value, year))
            {
                var spells = country.Spells.Count == 0 ? "never a member" : "member " + string.Join(", ", country.Spells.Select(s => $"{s.Start.Year}-{s.End.Year}"));
                throw new LinchpinException($"{text} ({country.Name}, COW {country.Code.Value}) is not in the COW state system in {year} ({spells})");
            }
        }

        var scores = portfolios.Compare(first.Code.Value, second.Code.Value, year, options)!;
        var report = new GameResult("Alliance-portfolio similarity")
            .Add("a", Label(first)).Add("b", Label(second)).Add("ccode1", first.Code.Value).Add("ccode2", second.Code.Value).Add("year", year)
            .Add("states", scores.States);
        AddScores(report, scores, chosen);
        report.Add("source", portfolios.Source).Add("coding", coding.Describe()).Add("dmax", options.DMax)
            .Add("distance", options.Distance.ToString().ToLowerInvariant());
        GameReport.Write(report, format, environment);
        return 0;
    }

    private static int CompareAll(DyadYearRequest request, string sourceName, PortfolioCoding coding, SimilarityOptions options, SimilarityMeasure measure, string? path, OutputFormat format, ParseResult parsed, CliEnvironment environment)
    {
        DyadInputs? inputs = null;
        AlliancePortfolios? portfolios = null;
        DyadFrame? frame = null;
        long rows = 0;
        var column = ColumnName(measure);
        ProgressReporter.Run(environment,
        [
            ("loading data", () =>
            {
                inputs = ShippedDyadData.Load(DyadJoins.None);
                portfolios = LoadPortfolios(sourceName, coding, request.From, request.To, parsed, environment);
            }),
            ($"computing {column}", () =>
            {
                var keys = DyadYears.Build(inputs!, request);
                var (values, present) = portfolios!.Compute(keys.Ccode1.ToArray(), keys.Ccode2.ToArray(), keys.Year.ToArray(), measure, options);
                frame = keys.WithColumn(column, values, present).WithMetadata(new Dictionary<string, string>
                {
                    ["linchpin.version"] = DatasetCatalog.ToolVersion,
                    ["linchpin.measure"] = column,
                    ["linchpin.alliances"] = portfolios.Source,
                    ["linchpin.states"] = $"cow_states {DatasetCatalog.FindShipped("cow_states")!.Version}",
                    ["linchpin.capabilities"] = $"nmc {DatasetCatalog.FindShipped("nmc")!.Version}",
                    ["linchpin.coding"] = coding.Describe(),
                    ["linchpin.options"] = $"dmax={options.DMax.ToString(CultureInfo.InvariantCulture)} distance={options.Distance} kappa={options.KappaWeights} pi={options.PiWeights}",
                });
            }),
            (path is null ? "formatting" : $"writing {Path.GetFileName(path)}", () =>
            {
                if (path is not null)
                {
                    rows = DyadFrameFile.Write(frame!, path);
                }
            }),
        ]);
        if (path is null)
        {
            ResultWriter.Write(frame!.ToResultTable(format == OutputFormat.Table ? 50 : null), format, environment);
            return 0;
        }

        var summary = new ResultTable(
            [new("rows", typeof(long)), new("measure", typeof(string)), new("from", typeof(int)), new("to", typeof(int)), new("directed", typeof(bool)), new("file", typeof(string))],
            [[rows, column, request.From, request.To, request.Directed, path]]);
        ResultWriter.Write(summary, format, environment);
        return 0;
    }

    private static int CompareVectors(string path, SimilarityOptions options, SimilarityMeasure? chosen, OutputFormat format, CliEnvironment environment)
    {
        var input = CsvInput.Read(path);
        input.RequireColumns(["state", "a", "b"]);
        var weighted = input.Has("weight");
        var x = new List<int>();
        var y = new List<int>();
        var w = new List<double>();
        foreach (var row in input.Rows)
        {
            row.RequiredText("state");
            x.Add(Value(row, "a", options, path));
            y.Add(Value(row, "b", options, path));
            w.Add(weighted ? row.Number("weight", nonNegative: true) ?? double.NaN : double.NaN);
        }

        var scores = PortfolioSimilarity.Compare([.. x], [.. y], options, weighted ? [.. w] : default);
        var report = new GameResult("Similarity of two valuation vectors").Add("states", scores.States);
        AddScores(report, scores, chosen);
        report.Add("dmax", options.DMax).Add("distance", options.Distance.ToString().ToLowerInvariant());
        GameReport.Write(report, format, environment);
        return 0;
    }

    private static int Value(CsvRow row, string field, SimilarityOptions options, string path) =>
        row.WholeNumber(field) is not { } value ? -1
        : value >= 0 && value < options.Levels ? value
        : throw LinchpinException.InFile(path, row.Line, field, $"{value} is outside the coding's levels 0-{options.Levels - 1}");

    private static void AddScores(GameResult report, SimilarityScores scores, SimilarityMeasure? chosen)
    {
        foreach (var m in Enum.GetValues<SimilarityMeasure>())
        {
            if (chosen is null || chosen == m)
            {
                report.Add(ColumnName(m), scores.Get(m));
            }
        }
    }

    private static AlliancePortfolios LoadPortfolios(string sourceName, PortfolioCoding coding, int from, int to, ParseResult parsed, CliEnvironment environment)
    {
        AtopDyadYears pledges;
        string label;
        if (sourceName == "cow")
        {
            using var store = CommonOptions.OpenStore(parsed, environment);
            (pledges, label) = AlliancePledges.Cow(store);
        }
        else
        {
            (pledges, label) = AlliancePledges.Atop();
        }

        return AlliancePortfolios.Build(ShippedDyadData.ReadSpells(), pledges, coding, AlliancePledges.Capabilities(), from, to, label);
    }

    private static PortfolioCoding ParseCoding(string? text)
    {
        if (text is null)
        {
            return PortfolioCoding.Standard;
        }

        if (text.Trim().Equals("binary", StringComparison.OrdinalIgnoreCase))
        {
            return PortfolioCoding.Binary;
        }

        try
        {
            return PortfolioCoding.Parse(text);
        }
        catch (ArgumentException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf(" (Parameter", StringComparison.Ordinal);
            throw new LinchpinException($"--coding: {(cut >= 0 ? message[..cut] : message)}", ex);
        }
    }

    private static SimilarityMeasure ParseMeasure(string name) => name.ToLowerInvariant() switch
    {
        "taub" or "tau-b" or "tau_b" => SimilarityMeasure.TauB,
        "s" => SimilarityMeasure.S,
        "s-weighted" or "s_weighted" or "sw" => SimilarityMeasure.SWeighted,
        "kappa" => SimilarityMeasure.Kappa,
        "pi" => SimilarityMeasure.Pi,
        _ => throw new LinchpinException($"--measure: unknown measure '{name}' (use {string.Join(", ", MeasureNames)})"),
    };

    private static string ColumnName(SimilarityMeasure measure) => measure switch
    {
        SimilarityMeasure.TauB => "taub",
        SimilarityMeasure.S => "s",
        SimilarityMeasure.SWeighted => "s_weighted",
        SimilarityMeasure.Kappa => "kappa",
        _ => "pi",
    };

    private static string Label(Country country) => country.Iso3 ?? country.Abbreviation;
}
