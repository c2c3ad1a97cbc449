using System.Text;
using System.Text.Json;
using Linchpin.Data;

namespace Linchpin.Cli.Output;

/// <summary>
/// A game's result: summary figures, per-player columns and an optional table. JSON is one object
/// whose per-player columns are objects keyed by player name; a table prints each part; CSV
/// prints the per-player columns (else the table, else the summary).
/// </summary>
internal sealed class GameReport(string title)
{
    private readonly List<(string Name, object? Value)> _summary = [];
    private readonly List<(string Name, IReadOnlyList<object?> Values)> _columns = [];
    private IReadOnlyList<string> _players = [];
    private (string Name, ResultTable Table)? _table;

    public GameReport Add(string name, object? value)
    {
        _summary.Add((name, value));
        return this;
    }

    public GameReport Players(IReadOnlyList<string> players)
    {
        _players = players;
        return this;
    }

    public GameReport Column(string name, IEnumerable<object?> values)
    {
        _columns.Add((name, [.. values]));
        return this;
    }

    public GameReport Column(string name, IEnumerable<double> values) => Column(name, values.Select(v => (object?)v));

    public GameReport Table(string name, ResultTable table)
    {
        _table = (name, table);
        return this;
    }

    public void Write(OutputFormat format, CliEnvironment environment)
    {
        switch (format)
        {
            case OutputFormat.Json:
                WriteJson(environment.Out);
                break;
            case OutputFormat.Csv:
                ResultWriter.WriteCsv(_columns.Count > 0 ? PlayerTable() : _table?.Table ?? SummaryTable(), environment.Out);
                break;
            default:
                ResultWriter.Write(SummaryTable(), OutputFormat.Table, environment, title);
                if (_columns.Count > 0)
                {
                    ResultWriter.Write(PlayerTable(), OutputFormat.Table, environment);
                }

                if (_table is { } extra)
                {
                    ResultWriter.Write(extra.Table, OutputFormat.Table, environment, extra.Name);
                }

                break;
        }
    }

    private ResultTable SummaryTable() =>
        new([new("quantity", typeof(string)), new("value", typeof(string))], [.. _summary.Select(s => (IReadOnlyList<object?>)[s.Name, s.Value is IEnumerable<string> list ? string.Join(", ", list) : CsvOutput.Format(s.Value)])]);

    private ResultTable PlayerTable() =>
        new(
            [new("player", typeof(string)), .. _columns.Select(c => new ResultColumn(c.Name, c.Values.FirstOrDefault(v => v is not null)?.GetType() ?? typeof(string)))],
            [.. _players.Select((p, i) => (IReadOnlyList<object?>)[p, .. _columns.Select(c => c.Values[i])])]);

    private void WriteJson(TextWriter writer)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            foreach (var (name, value) in _summary)
            {
                json.WritePropertyName(name);
                WriteValue(json, value);
            }

            foreach (var (name, values) in _columns)
            {
                json.WriteStartObject(name);
                for (var i = 0; i < _players.Count; i++)
                {
                    json.WritePropertyName(_players[i]);
                    WriteValue(json, values[i]);
                }

                json.WriteEndObject();
            }

            if (_table is { } extra)
            {
                json.WriteStartArray(extra.Name);
                foreach (var row in extra.Table.Rows)
                {
                    json.WriteStartObject();
                    for (var i = 0; i < row.Count; i++)
                    {
                        json.WritePropertyName(extra.Table.Columns[i].Name);
                        WriteValue(json, row[i]);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        writer.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        if (value is IEnumerable<string> list)
        {
            json.WriteStartArray();
            foreach (var item in list)
            {
                json.WriteStringValue(item);
            }

            json.WriteEndArray();
            return;
        }

        ResultWriter.WriteJsonValue(json, value);
    }
}
