using System.CommandLine;
using Linchpin.Cli.Output;
using Linchpin.Data;
using Linchpin.Games.ExpectedUtility;
using Linchpin.Reports;

namespace Linchpin.Cli.Commands;

/// <summary><c>linchpin dyads</c>: the COW dyad-year frame with ATOP, NMC and GDP joined, as peacesciencer builds it.</summary>
internal static class DyadsCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var from = new Option<int>("--from") { Description = "First year (1816 or later)", DefaultValueFactory = _ => DyadYearRequest.FirstSystemYear };
        var to = new Option<int>("--to")
        {
            Description = "Last year. After 2016 (the end of the COW list) states in the system at its end are assumed to stay, as peacesciencer's mry does",
            DefaultValueFactory = _ => DyadYearRequest.LastListedYear,
        };
        var directed = new Option<bool>("--directed") { Description = "Directed dyads: A-B and B-A (the default)" };
        var undirected = new Option<bool>("--undirected") { Description = "Undirected dyads: ccode1 < ccode2; ATOP values are the maximum over both directions" };
        var with = new Option<string>("--with")
        {
            Description = "Datasets to join, comma separated: atop, nmc, gdp (Fariss et al.), eu (Bueno de Mesquita's expected utility from ATOP portfolios and CINC); 'none' for keys only",
            DefaultValueFactory = _ => "atop,nmc",
        };
        var euReference = new Option<string>("--eu-reference")
        {
            Description = "With --with eu: the tau-b reference system, 'regional' (the dyad's relevant region, as The War Trap and EUGene) or 'systemic' (every state)",
            DefaultValueFactory = _ => "regional",
        };
        var euRisk = new Option<string>("--eu-risk")
        {
            Description = "With --with eu: the risk attitude R in the War and Reason terms, a number in [-1, 1] given to every state (an assumption; 0 = risk neutral), "
                + "or 'computed': each state's R toward each region from its alliance portfolio, as EUGene (slow: minutes per year of the modern system)",
            DefaultValueFactory = _ => "0",
        };
        var output = new Option<string?>("--out") { Description = "Output file: .parquet, .csv or .json (default: print)" };
        var command = new Command(
            "dyads",
            "Build dyad-years (ccode1, ccode2, year) of the COW state system and join ATOP, NMC and GDP data, row for row as peacesciencer. "
            + "The data are read from the built-in files, or with --db from the tables in that database (loaded there if need be). "
            + "An output file records the Linchpin version, the parameters and the dataset versions (Parquet metadata, or FILE.provenance.json)");
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(directed);
        command.Options.Add(undirected);
        command.Options.Add(with);
        command.Options.Add(euReference);
        command.Options.Add(euRisk);
        command.Options.Add(output);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            if (parsed.GetValue(directed) && parsed.GetValue(undirected))
            {
                throw new LinchpinException("--directed and --undirected: choose one");
            }

            var joins = DyadOptions.ParseJoins(parsed.GetValue(with)!);
            var eu = DyadOptions.ExpectedUtility(parsed.GetValue(euReference)!, parsed.GetValue(euRisk)!);
            var request = new DyadYearRequest(parsed.GetValue(from), parsed.GetValue(to), !parsed.GetValue(undirected), joins, eu);
            request.Validate(DateTime.UtcNow.Year - 1);
            var path = parsed.GetValue(output);
            var format = parsed.GetValue(CommonOptions.Format);
            DyadInputs? inputs = null;
            DyadFrame? frame = null;
            long rows = 0;
            ProgressReporter.Run(environment,
            [
                ("loading data", () => inputs = LoadInputs(parsed, environment, request.Joins)),
                (path is null ? "building dyad-years" : $"writing {Path.GetFileName(path)}", () =>
                {
                    frame = DyadYears.Build(inputs!, request);
                    if (path is not null)
                    {
                        var provenance = CommonOptions.Provenance(
                            parsed,
                            [
                                new("from", CsvOutput.Format(request.From)),
                                new("to", CsvOutput.Format(request.To)),
                                new("directed", CsvOutput.Format(request.Directed)),
                                new("with", DyadOptions.Text(joins)),
                                .. joins.HasFlag(DyadJoins.Eu)
                                    ? new KeyValuePair<string, string>[] { new("eu_reference", eu.Reference == EuReference.Systemic ? "systemic" : "regional"), new("eu_risk", eu.ComputedRisk ? "computed" : CsvOutput.Format(eu.Risk)) }
                                    : [],
                            ],
                            ShippedDyadData.DatasetsFor(joins));
                        rows = DyadFrameFile.WriteInterruptible(frame, path, provenance, environment.Cancellation);
                    }
                }),
            ]);
            if (path is null)
            {
                ResultWriter.Write(frame!.ToResultTable(format == OutputFormat.Table ? 50 : null), format, environment);
                return 0;
            }

            var summary = new ResultTable(
                [new("rows", typeof(long)), new("from", typeof(int)), new("to", typeof(int)), new("directed", typeof(bool)), new("file", typeof(string))],
                [[rows, request.From, request.To, request.Directed, path]]);
            ResultWriter.Write(summary, format, environment);
            return 0;
        }));
        return command;
    }

    /// <summary>The built-in files, or with <c>--db</c> the tables of that database.</summary>
    private static DyadInputs LoadInputs(ParseResult parsed, CliEnvironment environment, DyadJoins joins)
    {
        if (parsed.GetValue(CommonOptions.Database) is null)
        {
            // While the files are read, what comes next is compiled.
            return ShippedDyadData.Load(joins, () =>
            {
                ShippedDyadData.CompileFrameAndWriter(joins.HasFlag(DyadJoins.Eu));
                ResultWriter.CompileTables();
            });
        }

        using var store = CommonOptions.OpenStore(parsed, environment);
        return ShippedDyadData.Load(store, joins);
    }
}
