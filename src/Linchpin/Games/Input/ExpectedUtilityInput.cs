using Linchpin.Games.ExpectedUtility;
using YamlDotNet.RepresentationModel;

namespace Linchpin.Games.Input;

/// <summary>A group decision read from a file: the actors, Q and T, and the descriptive text that came with them.</summary>
/// <param name="Actors">The actors, in file order.</param>
/// <param name="Q">The status-quo persistence probability Q.</param>
/// <param name="T">The probability T that a changing status quo moves toward the challenger.</param>
/// <param name="Issue">What the decision is about, or <c>null</c>.</param>
/// <param name="Scale">What the ends of the position scale mean, or <c>null</c>.</param>
public sealed record GroupDecisionInput(IReadOnlyList<DecisionActor> Actors, double Q, double T, string? Issue, string? Scale)
{
    /// <summary>The options for a run of at most <paramref name="rounds"/> rounds.</summary>
    public DecisionOptions Options(int rounds) => new(Q, T, rounds);
}

/// <summary>
/// Parses the expected-utility group decision input: <c>{"actors": [{"name", "capability", "position",
/// "salience", "basis"}], "q": 1, "t": 1, "issue", "scale", "notes", "sources": [...]}</c> (YAML or JSON).
/// <c>basis</c>, <c>issue</c>, <c>scale</c>, <c>notes</c> and <c>sources</c> are descriptive text.
/// </summary>
public static class ExpectedUtilityInput
{
    /// <summary>Reads and checks the input; every error names the file, line and field.</summary>
    /// <exception cref="LinchpinException">The input is malformed, a value is out of range, there is a single actor, or every position is the same.</exception>
    public static GroupDecisionInput Parse(string text, string file)
    {
        var input = InputReader.Load(text, file);
        var root = input.Root;
        input.AllowOnly(root, "actors", "q", "t", "issue", "scale", "notes", "sources");
        var q = Probability(input, root, "q");
        var t = Probability(input, root, "t");
        var list = input.Sequence(root, "actors");
        if (list.Children.Count < 2)
        {
            throw input.Error(list, "actors", $"needs at least two actors, got {list.Children.Count}");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var actors = new List<DecisionActor>();
        foreach (var node in list.Children)
        {
            var map = input.Mapping(node, "actors");
            input.AllowOnly(map, "name", "capability", "position", "salience", "basis");
            var name = input.String(map, "name").Trim();
            if (name.Length == 0 || !names.Add(name))
            {
                throw input.Error(input.Required(map, "name"), "name", $"actor names must be distinct and non-empty: '{name}'");
            }

            var capability = input.Number(map, "capability");
            if (capability < 0)
            {
                throw input.Error(input.Required(map, "capability"), "capability", $"cannot be negative, got {capability}");
            }

            var salience = input.Number(map, "salience");
            if (salience is < 0 or > 1)
            {
                throw input.Error(input.Required(map, "salience"), "salience", $"must lie in [0, 1], got {salience}");
            }

            _ = input.OptionalString(map, "basis");
            actors.Add(new DecisionActor(name, capability, input.Number(map, "position"), salience));
        }

        if (actors.All(a => a.Position == actors[0].Position))
        {
            throw input.Error(list, "position", $"every actor holds position {actors[0].Position}: there is nothing to decide");
        }

        return new GroupDecisionInput(actors, q, t, input.OptionalString(root, "issue"), input.OptionalString(root, "scale"));
    }

    private static double Probability(InputReader input, YamlMappingNode root, string field)
    {
        var value = input.Number(root, field, 1);
        return value is >= 0 and <= 1 ? value : throw input.Error(input.Required(root, field), field, $"must lie in [0, 1], got {value}");
    }
}
