using Linchpin.Reports;

namespace Linchpin.Cli.Output;

/// <summary>
/// Prints a game's <see cref="GameResult"/>: JSON is one object whose per-player columns are objects
/// keyed by player name; a table prints each part; CSV prints the per-player columns (else the
/// table, else the summary).
/// </summary>
internal static class GameReport
{
    public static void Write(GameResult result, OutputFormat format, CliEnvironment environment)
    {
        switch (format)
        {
            case OutputFormat.Json:
                environment.Out.WriteLine(result.ToJson());
                break;
            case OutputFormat.Csv:
                ResultWriter.WriteCsv(result.CsvTable(), environment.Out);
                break;
            default:
                ResultWriter.Write(result.SummaryTable(), OutputFormat.Table, environment, result.Title);
                if (result.HasPlayerColumns)
                {
                    ResultWriter.Write(result.PlayerTable(), OutputFormat.Table, environment);
                }

                if (result.Extra is { } extra)
                {
                    ResultWriter.Write(extra.Table, OutputFormat.Table, environment, extra.Name);
                }

                break;
        }
    }
}
