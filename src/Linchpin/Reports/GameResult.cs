using System.Text;
using System.Text.Json;
using Linchpin.Data;

namespace Linchpin.Reports;

/// <summary>
/// A game's result: summary figures, per-player columns and an optional table. As JSON it is one
/// object whose per-player columns are objects keyed by player name (what <c>linchpin game ... --format json</c> prints).
/// </summary>
public sealed class GameResult
{
    private readonly List<(string Name, object? Value)> _summary = [];
    private readonly List<(string Name, IReadOnlyList<object?> Values)> _columns = [];
    private IReadOnlyList<string> _players = [];

    /// <summary>A result with this title.</summary>
    public GameResult(string title) => Title = title;

    /// <summary>The title of the printed result.</summary>
    public string Title { get; }

    /// <summary>The extra table, if any, and its name.</summary>
    public (string Name, ResultTable Table)? Extra { get; private set; }

    /// <summary>Whether the result has per-player columns.</summary>
    public bool HasPlayerColumns => _columns.Count > 0;

    /// <summary>Adds a summary figure.</summary>
    public GameResult Add(string name, object? value)
    {
        _summary.Add((name, value));
        return this;
    }

    /// <summary>Names the players, in the order of the per-player columns.</summary>
    public GameResult Players(IReadOnlyList<string> players)
    {
        _players = players;
        return this;
    }

    /// <summary>Adds a per-player column.</summary>
    public GameResult Column(string name, IEnumerable<object?> values)
    {
        _columns.Add((name, [.. values]));
        return this;
    }

    /// <summary>Adds a per-player column of numbers.</summary>
    public GameResult Column(string name, IEnumerable<double> values) => Column(name, values.Select(v => (object?)v));

    /// <summary>Sets the extra table.</summary>
    public GameResult Table(string name, ResultTable table)
    {
        Extra = (name, table);
        return this;
    }

    /// <summary>The summary figures as a two-column table (quantity, value as text).</summary>
    public ResultTable SummaryTable() =>
        new([new("quantity", typeof(string)), new("value", typeof(string))], [.. _summary.Select(s => (IReadOnlyList<object?>)[s.Name, s.Value is IEnumerable<string> list ? string.Join(", ", list) : CsvOutput.Format(s.Value)])]);

    /// <summary>The per-player columns as a table, one row per player.</summary>
    public ResultTable PlayerTable() =>
        new(
            [new("player", typeof(string)), .. _columns.Select(c => new ResultColumn(c.Name, c.Values.FirstOrDefault(v => v is not null)?.GetType() ?? typeof(string)))],
            [.. _players.Select((p, i) => (IReadOnlyList<object?>)[p, .. _columns.Select(c => c.Values[i])])]);

    /// <summary>The table CSV output prints: the per-player columns, else the extra table, else the summary.</summary>
    public ResultTable CsvTable() => _columns.Count > 0 ? PlayerTable() : Extra?.Table ?? SummaryTable();

    /// <summary>The result as indented JSON text (no final line end).</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, ResultJson.Options))
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

            if (Extra is { } extra)
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

        return Encoding.UTF8.GetString(stream.ToArray());
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

        ResultJson.WriteValue(json, value);
    }
}
