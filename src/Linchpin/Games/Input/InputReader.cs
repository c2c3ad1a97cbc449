using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Linchpin.Games.Input;

/// <summary>
/// Reads a YAML or JSON document through YamlDotNet's representation model, so every error names
/// the file, the line and the field: <c>FILE:LINE: field 'x': problem</c>.
/// </summary>
internal sealed class InputReader
{
    private InputReader(string file, YamlMappingNode root)
    {
        File = file;
        Root = root;
    }

    public string File { get; }

    public YamlMappingNode Root { get; }

    /// <summary>
    /// Parses <paramref name="text"/> after checking it against <see cref="InputLimits"/>: its size,
    /// its nesting depth and its number of values (aliases counted as what they refer to) are
    /// measured on the parser's event stream, which needs no recursion, before the document is built.
    /// </summary>
    public static InputReader Load(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        if (text.Length > InputLimits.MaxInputBytes)
        {
            throw LinchpinException.InFile(file, 0, null, $"the input is larger than {InputLimits.MaxInputBytes >> 20} MiB, the limit for input files");
        }

        CheckShape(text, file);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw LinchpinException.InFile(file, LineIn(text, ex.Start.Line), null, FirstLine(ex.Message));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // The parser read the whole document in CheckShape; what is left is the document builder's.
            throw LinchpinException.InFile(file, 0, null, $"malformed YAML or JSON ({FirstLine(ex.Message)})");
        }

        if (stream.Documents.Count == 0)
        {
            throw LinchpinException.InFile(file, 0, null, "the file is empty");
        }

        return stream.Documents[0].RootNode is YamlMappingNode root
            ? new InputReader(file, root)
            : throw LinchpinException.InFile(file, stream.Documents[0].RootNode.Start.Line, null, "expected a mapping of fields at the top level");
    }

    /// <summary>Walks the parser's events, refusing a document nested deeper or holding more values than <see cref="InputLimits"/> allows.</summary>
    private static void CheckShape(string text, string file)
    {
        var parser = new Parser(new StringReader(text));
        var open = new Stack<(AnchorName Anchor, long Start)>();
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        long nodes = 0;
        long line = 1;
        while (Next(parser, text, file, line))
        {
            line = parser.Current!.End.Line;
            switch (parser.Current)
            {
                case NodeEvent { } node and (MappingStart or SequenceStart):
                    open.Push((node.Anchor, nodes));
                    nodes++;
                    if (open.Count > InputLimits.MaxNestingDepth)
                    {
                        throw LinchpinException.InFile(file, node.Start.Line, null, $"lists and mappings are nested more than {InputLimits.MaxNestingDepth} deep");
                    }

                    break;
                case MappingEnd or SequenceEnd:
                    var (anchor, start) = open.Pop();
                    if (!anchor.IsEmpty)
                    {
                        sizes[anchor.Value] = nodes - start;
                    }

                    break;
                case AnchorAlias alias:
                    nodes += sizes.TryGetValue(alias.Value.Value, out var size)
                        ? size
                        : throw LinchpinException.InFile(file, alias.Start.Line, null, $"alias '*{alias.Value.Value}' refers to no anchor before it");
                    break;
                case Scalar scalar:
                    nodes++;
                    if (!scalar.Anchor.IsEmpty)
                    {
                        sizes[scalar.Anchor.Value] = 1;
                    }

                    break;
            }

            if (nodes > InputLimits.MaxNodes)
            {
                throw LinchpinException.InFile(file, parser.Current!.Start.Line, null, $"the document holds more than {InputLimits.MaxNodes.ToString("N0", CultureInfo.InvariantCulture)} values, the limit for input files");
            }
        }
    }

    /// <summary>
    /// The parser's next event. YamlDotNet's scanner reports some malformed documents (a plain
    /// scalar cut short, tokens after the end of a flow collection) as an invalid state rather than
    /// a <see cref="YamlException"/>: both become a parse error at the line the parser had reached.
    /// </summary>
    private static bool Next(Parser parser, string text, string file, long line)
    {
        try
        {
            return parser.MoveNext();
        }
        catch (YamlException ex)
        {
            throw LinchpinException.InFile(file, LineIn(text, ex.Start.Line), null, FirstLine(ex.Message));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            throw LinchpinException.InFile(file, LineIn(text, line), null, $"malformed YAML or JSON after this line ({FirstLine(ex.Message)})");
        }
    }

    /// <summary>
    /// The parser's line, but never past the last line: at the end of a file without a final line
    /// break it counts one line more than there is (after a final line break, the empty last line is a line).
    /// </summary>
    private static long LineIn(string text, long line) => Math.Min(line, text.Count(c => c == '\n') + 1);

    /// <summary>
    /// Refuses values whose magnitudes add up to more than a double holds: the models add them
    /// (totals, coalition sums, shares of a sum), and an infinite sum would give a wrong answer, not an error.
    /// </summary>
    public void RequireFiniteSum(YamlNode at, string field, IEnumerable<double> values, string what)
    {
        if (!double.IsFinite(values.Sum(Math.Abs)))
        {
            throw Error(at, field, $"the {what} add up to more than the largest number a double holds (about 1.8e308)");
        }
    }

    public LinchpinException Error(YamlNode at, string? field, string problem) =>
        LinchpinException.InFile(File, at.Start.Line, field, problem);

    /// <summary>Rejects fields the command does not know (a typo would otherwise be ignored silently).</summary>
    public void AllowOnly(YamlMappingNode map, params string[] fields)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = Text(key);
            if (!fields.Contains(name, StringComparer.Ordinal))
            {
                throw Error(key, name, $"unknown field (expected one of: {string.Join(", ", fields)})");
            }
        }
    }

    public static YamlNode? Find(YamlMappingNode map, string field) =>
        map.Children.TryGetValue(new YamlScalarNode(field), out var node) ? node : null;

    public YamlNode Required(YamlMappingNode map, string field) =>
        Find(map, field) ?? throw Error(map, field, "is missing");

    public double Number(YamlMappingNode map, string field) => AsNumber(Required(map, field), field);

    public double Number(YamlMappingNode map, string field, double fallback) =>
        Find(map, field) is { } node ? AsNumber(node, field) : fallback;

    public int? WholeNumber(YamlMappingNode map, string field)
    {
        if (Find(map, field) is not { } node)
        {
            return null;
        }

        var text = Scalar(node, field);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(node, field, $"'{text}' is not a whole number");
    }

    public double AsNumber(YamlNode node, string field) => AsNumber(node, field, double.MinValue, double.MaxValue);

    /// <summary>A finite number in [<paramref name="min"/>, <paramref name="max"/>] (<see cref="InputNumber"/>), or an error on the node.</summary>
    public double AsNumber(YamlNode node, string field, double min, double max)
    {
        var text = Scalar(node, field);
        return InputNumber.TryParse(text, out var value, out var problem, min, max) ? value : throw Error(node, field, problem!);
    }

    public string String(YamlMappingNode map, string field) => Scalar(Required(map, field), field);

    public string? OptionalString(YamlMappingNode map, string field) =>
        Find(map, field) is { } node ? Scalar(node, field) : null;

    public string Scalar(YamlNode node, string field) =>
        node is YamlScalarNode { Value: { } value } ? value : throw Error(node, field, "expected a single value");

    public YamlSequenceNode Sequence(YamlMappingNode map, string field) =>
        Required(map, field) is YamlSequenceNode sequence ? sequence : throw Error(Required(map, field), field, "expected a list");

    public YamlMappingNode Mapping(YamlNode node, string field) =>
        node is YamlMappingNode mapping ? mapping : throw Error(node, field, "expected a mapping of fields");

    public double[] Numbers(YamlMappingNode map, string field, int? count = null)
    {
        var sequence = Sequence(map, field);
        if (count is { } expected && sequence.Children.Count != expected)
        {
            throw Error(sequence, field, $"expected {expected} numbers, got {sequence.Children.Count}");
        }

        return [.. sequence.Children.Select(n => AsNumber(n, field))];
    }

    /// <summary>
    /// Builds a model object, turning its range checks into input errors on the field whose name
    /// is the parameter's.
    /// </summary>
    public T Build<T>(YamlMappingNode map, Func<T> build, Func<string, string>? fieldOf = null)
    {
        try
        {
            return build();
        }
        catch (ArgumentOutOfRangeException ex)
        {
            var field = ex.ParamName is null ? null : fieldOf?.Invoke(ex.ParamName) ?? ex.ParamName;
            var node = field is null ? map : Find(map, field) ?? map;
            throw Error(node, field, Describe(ex));
        }
        catch (ArgumentException ex)
        {
            throw Error(map, null, Describe(ex));
        }
    }

    private static string Describe(ArgumentException ex)
    {
        var message = FirstLine(ex.Message);
        var cut = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        message = cut >= 0 ? message[..cut] : message;
        return ex is ArgumentOutOfRangeException { ActualValue: { } actual }
            ? $"{message}, got {Convert.ToString(actual, CultureInfo.InvariantCulture)}"
            : message;
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end >= 0 ? message[..end] : message;
    }

    private static string Text(YamlNode node) => node is YamlScalarNode { Value: { } value } ? value : node.ToString();
}
