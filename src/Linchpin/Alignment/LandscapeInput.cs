using Linchpin.Games.Input;

namespace Linchpin.Alignment;

/// <summary>
/// Reads a landscape from YAML or JSON text:
/// <c>{"actors": [{"name": "A", "size": 1}, …], "propensity": {"A,B": 1, "A,C": -1, …}}</c>.
/// Pairs not listed have propensity 0; a pair may be listed in either order, but not twice with
/// different values. Errors name the file, line and field.
/// </summary>
public static class LandscapeInput
{
    /// <summary>Parses <paramref name="text"/> (from <paramref name="file"/>, named in errors).</summary>
    /// <exception cref="LinchpinException">A malformed document, an unknown actor in a pair, or an invalid value.</exception>
    public static LandscapeProblem Parse(string text, string file)
    {
        var reader = InputReader.Load(text, file);
        var root = reader.Root;
        reader.AllowOnly(root, "actors", "propensity");
        var names = new List<string>();
        var sizes = new List<double>();
        foreach (var node in reader.Sequence(root, "actors").Children)
        {
            var actor = reader.Mapping(node, "actors");
            reader.AllowOnly(actor, "name", "size");
            var name = reader.String(actor, "name").Trim();
            if (name.Length == 0 || name.Contains(',', StringComparison.Ordinal) || names.Contains(name, StringComparer.Ordinal))
            {
                throw reader.Error(actor, "name", name.Length == 0 ? "is empty" : names.Contains(name) ? $"actor '{name}' appears twice" : $"'{name}' contains a comma");
            }

            var size = reader.Number(actor, "size");
            if (!(size > 0))
            {
                throw reader.Error(InputReader.Find(actor, "size")!, "size", $"the size of '{name}' must be positive, got {size}");
            }

            names.Add(name);
            sizes.Add(size);
        }

        if (names.Count == 0)
        {
            throw reader.Error(root, "actors", "lists no actors");
        }

        var n = names.Count;
        var p = new double[n * n];
        var set = new bool[n * n];
        if (InputReader.Find(root, "propensity") is { } propensityNode)
        {
            var propensity = reader.Mapping(propensityNode, "propensity");
            foreach (var (keyNode, valueNode) in propensity.Children)
            {
                var key = reader.Scalar(keyNode, "propensity");
                var parts = key.Split(',', StringSplitOptions.TrimEntries);
                if (parts.Length != 2)
                {
                    throw reader.Error(keyNode, "propensity", $"'{key}' is not a pair of actor names 'A,B'");
                }

                var (i, j) = (names.IndexOf(parts[0]), names.IndexOf(parts[1]));
                foreach (var (index, part) in new[] { (i, parts[0]), (j, parts[1]) })
                {
                    if (index < 0)
                    {
                        throw reader.Error(keyNode, "propensity", $"'{part}' in '{key}' is not an actor (actors: {string.Join(", ", names)})");
                    }
                }

                if (i == j)
                {
                    throw reader.Error(keyNode, "propensity", $"'{key}' pairs an actor with itself");
                }

                var value = reader.AsNumber(valueNode, $"propensity.{key}");
                if (set[(i * n) + j] && p[(i * n) + j] != value)
                {
                    throw reader.Error(keyNode, "propensity", $"'{key}' is given twice with different values ({p[(i * n) + j]} and {value})");
                }

                p[(i * n) + j] = p[(j * n) + i] = value;
                set[(i * n) + j] = set[(j * n) + i] = true;
            }
        }

        return reader.Build(root, () => LandscapeProblem.Create(names, sizes, p));
    }
}
