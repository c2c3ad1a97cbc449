using System.CommandLine;
using Linchpin.Cli.Reports;
using Linchpin.Data;

namespace Linchpin.Cli.Commands;

/// <summary><c>linchpin report [--out report.html]</c>: the main job, one self-contained HTML file on the built-in alliance system.</summary>
internal static class ReportCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var output = new Option<string>("--out") { Description = "HTML file to write", DefaultValueFactory = _ => "report.html" };
        var runs = new Option<int>("--runs") { Description = "Runs per simulation ensemble", DefaultValueFactory = _ => SimulationReport.DefaultRuns };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the simulation ensembles (the report is byte-identical for the same seed and runs)", DefaultValueFactory = _ => SimulationReport.DefaultSeed };
        var command = new Command("report", "Write one self-contained HTML report (plots embedded) on the built-in alliance system: NATO burden sharing, the exploitation test, fair shares, the Korea and Japan cost-sharing ledgers, the simulation's doctrine comparison on the built-in scenarios, citations");
        command.Options.Add(output);
        command.Options.Add(runs);
        command.Options.Add(seed);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            var path = parsed.GetValue(output)!;
            if (!path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
            {
                throw new LinchpinException($"--out {path}: the report is HTML; name a .html file");
            }

            var count = parsed.GetValue(runs);
            if (count < 1 || count > 100_000)
            {
                throw new LinchpinException($"--runs: {count} is outside [1, 100000]");
            }

            using var store = CommonOptions.OpenStore(parsed, environment);
            string html = "";
            Output.ProgressReporter.Run(environment, [("building the report", () => html = BurdenReport.Build(store, count, parsed.GetValue(seed)))]);
            CommonOptions.Provenance(parsed, [], store.Loaded).WriteWith(path, temp => File.WriteAllText(temp, html), environment.Cancellation);
            var format = parsed.GetValue(CommonOptions.Format);
            if (format == Output.OutputFormat.Table)
            {
                environment.Out.WriteLine($"report written to {path}");
                return 0;
            }

            var rows = new Output.Rows("file", "bytes", "runs", "seed", "provenance");
            rows.Add(path, (long)System.Text.Encoding.UTF8.GetByteCount(html), count, parsed.GetValue(seed).ToString(System.Globalization.CultureInfo.InvariantCulture), Provenance.SidecarPath(path));
            rows.Write(format, environment, "report", null, []);
            return 0;
        }));
        return command;
    }
}
