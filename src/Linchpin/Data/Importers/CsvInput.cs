using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Linchpin.Data.Importers;

/// <summary>One data row of a CSV file, with typed accessors whose errors name the file, line and field.</summary>
public sealed class CsvRow
{
    private readonly CsvInput _input;
    private readonly string[] _fields;

    internal CsvRow(CsvInput input, string[] fields, long line)
    {
        _input = input;
        _fields = fields;
        Line = line;
    }

    /// <summary>Line number in the file (1 = header).</summary>
    public long Line { get; }

    /// <summary>The raw text of a field, trimmed; <c>null</c> when empty or a missing-value marker.</summary>
    public string? Text(string field)
    {
        var text = _fields[_input.IndexOf(field)].Trim();
        return CsvInput.IsMissing(text) ? null : text;
    }

    /// <summary>A required text field.</summary>
    public string RequiredText(string field) => Text(field) ?? throw Error(field, "is empty");

    /// <summary>An optional whole number.</summary>
    public int? WholeNumber(string field)
    {
        var text = Text(field);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(field, $"'{text}' is not a whole number");
    }

    /// <summary>A required whole number in [min, max].</summary>
    public int RequiredInt(string field, int min = int.MinValue, int max = int.MaxValue)
    {
        var value = WholeNumber(field) ?? throw Error(field, "is empty");
        return value < min || value > max ? throw Error(field, $"{value} is outside {min}..{max}") : value;
    }

    /// <summary>An optional whole number in [min, max] (empty stays missing).</summary>
    public int? OptionalInt(string field, int min, int max)
    {
        var value = WholeNumber(field);
        return value is { } v && (v < min || v > max) ? throw Error(field, $"{v} is outside {min}..{max}") : value;
    }

    /// <summary>A 0/1 flag.</summary>
    public bool Flag(string field) => RequiredInt(field, 0, 1) == 1;

    /// <summary>An optional number; non-negative when <paramref name="nonNegative"/>.</summary>
    public double? Number(string field, bool nonNegative = false)
    {
        var text = Text(field);
        if (text is null)
        {
            return null;
        }

        if (!InputNumber.TryParse(text, out var value, out var problem))
        {
            throw Error(field, problem!);
        }

        return nonNegative && value < 0 ? throw Error(field, $"negative value {text} is impossible here") : value;
    }

    /// <summary>An error at this row and field.</summary>
    public LinchpinException Error(string field, string problem) => LinchpinException.InFile(_input.Name, Line, field, problem);
}

/// <summary>
/// A CSV file read for import: header checked, every row with the header's number of fields,
/// UTF-8 (or Latin-1 when the file is not valid UTF-8). Errors name the file and line.
/// </summary>
public sealed class CsvInput
{
    private readonly Dictionary<string, int> _index;

    private CsvInput(string name, string[] header, List<CsvRow> rows, Encoding encoding)
    {
        Name = name;
        Header = header;
        Encoding = encoding;
        _index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Length; i++)
        {
            _index.TryAdd(header[i].Trim(), i);
        }

        Rows = rows;
    }

    /// <summary>The file name used in messages.</summary>
    public string Name { get; }

    /// <summary>Column names.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The data rows.</summary>
    public IReadOnlyList<CsvRow> Rows { get; private set; }

    /// <summary>The text encoding the file was read with.</summary>
    public Encoding Encoding { get; }

    /// <summary>Whether the header has this column.</summary>
    public bool Has(string column) => _index.ContainsKey(column);

    /// <summary>Index of a column.</summary>
    public int IndexOf(string column) =>
        _index.TryGetValue(column, out var i) ? i : throw LinchpinException.InFile(Name, 1, column, "no such column in the header");

    /// <summary>Checks that every named column is present.</summary>
    /// <exception cref="LinchpinException">A column is missing, named with the file and line 1.</exception>
    public void RequireColumns(params string[] columns)
    {
        foreach (var column in columns)
        {
            if (!Has(column))
            {
                throw LinchpinException.InFile(Name, 1, column, $"missing column (the header has: {string.Join(", ", Header.Take(12))}{(Header.Count > 12 ? ", ..." : "")})");
            }
        }
    }

    /// <summary>Reads a CSV file of at most <see cref="InputLimits.MaxCsvBytes"/>.</summary>
    /// <exception cref="LinchpinException">Unreadable, too large, empty or malformed.</exception>
    public static CsvInput Read(string path)
    {
        return Parse(path, InputFile.ReadBytes(path, InputLimits.MaxCsvBytes));
    }

    /// <summary>Parses CSV content; <paramref name="name"/> is used in messages.</summary>
    public static CsvInput Parse(string name, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Encoding encoding = new UTF8Encoding(false, throwOnInvalidBytes: true);
        string text;
        try
        {
            text = encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            encoding = Encoding.Latin1;
            text = encoding.GetString(bytes);
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            BadDataFound = null,
            DetectColumnCountChanges = false,
        };
        using var reader = new StringReader(text);
        using var parser = new CsvParser(reader, configuration);
        string[]? header = null;
        var rows = new List<CsvRow>();
        var input = (CsvInput?)null;
        long previousEnd = 0;
        try
        {
            while (parser.Read())
            {
                var record = parser.Record ?? [];
                // RawRow is the line a record ends on; a quoted field may span lines, so a record
                // starts on the line after the previous one ended.
                var line = previousEnd + 1;
                previousEnd = parser.RawRow;
                if (header is null)
                {
                    header = record;
                    if (header.Length < 2 || header.All(string.IsNullOrWhiteSpace))
                    {
                        throw LinchpinException.InFile(name, line, null, "the first line must be a header of column names");
                    }

                    input = new CsvInput(name, header, rows, encoding);
                    continue;
                }

                if (record.Length == 1 && string.IsNullOrWhiteSpace(record[0]))
                {
                    continue;
                }

                if (record.Length != header.Length)
                {
                    throw LinchpinException.InFile(name, line, null, $"expected {header.Length} fields as in the header, found {record.Length}");
                }

                rows.Add(new CsvRow(input!, record, line));
            }
        }
        catch (CsvHelperException ex)
        {
            throw LinchpinException.InFile(name, ex.Context?.Parser?.RawRow ?? 0, null, "malformed CSV (" + ex.Message.Split('\n')[0] + ")");
        }

        return input ?? throw LinchpinException.InFile(name, 0, null, "the file is empty");
    }

    /// <summary>Whether a field's text is a missing-value marker: empty, NA, "..", "...", "xxx" or "-9" is not (it is a number).</summary>
    public static bool IsMissing(string text) =>
        text.Length == 0 || text is "NA" or "na" or "N/A" or ".." or "..." or ". ." or "xxx" or "-";
}
