using Linchpin.Games.Bargaining;
using Linchpin.Games.CostAllocation;
using Linchpin.Games.Credibility;
using Linchpin.Games.PublicGoods;
using YamlDotNet.RepresentationModel;

namespace Linchpin.Games.Input;

/// <summary>The Nash bargaining input: a pie, the disagreement point and the bargaining weights.</summary>
/// <param name="Pie">The amount to divide.</param>
/// <param name="Disagreement1">Player 1's disagreement payoff.</param>
/// <param name="Disagreement2">Player 2's disagreement payoff.</param>
/// <param name="Power1">Player 1's power <c>w₁/(w₁ + w₂)</c>.</param>
public sealed record NashInput(double Pie, double Disagreement1, double Disagreement2, double Power1);

/// <summary>A coalitional game read from a file, with an optional allocation to test against the core.</summary>
/// <param name="Game">The game (an <see cref="AirportGame"/> when given by runway costs).</param>
/// <param name="Allocation">An allocation to test, in player order, or <c>null</c>.</param>
public sealed record CostGameInput(CoalitionalGame Game, IReadOnlyList<double>? Allocation);

/// <summary>The credibility input: the model, the commitment levels to tabulate, and an optional belief to update.</summary>
/// <param name="Parameters">The model's parameters.</param>
/// <param name="Commitments">Commitment levels κ to evaluate.</param>
/// <param name="Prior">The protégé's prior belief, or <c>null</c>.</param>
/// <param name="Signals">Signals observed since the prior.</param>
public sealed record CredibilityInput(
    SecurityDilemmaParameters Parameters, IReadOnlyList<double> Commitments, CommitmentBelief? Prior, IReadOnlyList<ObservedSignal> Signals);

/// <summary>
/// Parsers for the game input files (YAML or JSON; JSON is read as YAML). Pure: they take the text
/// and the file name (for messages) and return model inputs; every error is a
/// <see cref="LinchpinException"/> of the form <c>FILE:LINE: field 'x': problem</c>.
/// </summary>
public static class GameInput
{
    /// <summary>The commitment levels tabulated when a credibility file gives none.</summary>
    public static readonly IReadOnlyList<double> DefaultCommitments = [0, 0.25, 0.5, 0.75, 1];

    private static readonly string[] GameFields = ["airport", "cost", "value"];

    /// <summary>
    /// <c>{"utility": "cobb-douglas"|"ces"|"quasi-linear", "rho": ρ (CES default), "allies": [{"name", "income",
    /// "alpha" | "beta", "rho", "privateShare"}]}</c>.
    /// </summary>
    /// <exception cref="LinchpinException">The input is malformed or a value is impossible.</exception>
    public static IReadOnlyList<Ally> ParsePublicGood(string text, string file)
    {
        var input = InputReader.Load(text, file);
        var root = input.Root;
        input.AllowOnly(root, "utility", "rho", "allies");
        var utility = input.String(root, "utility");
        if (utility is not ("cobb-douglas" or "ces" or "quasi-linear"))
        {
            throw input.Error(input.Required(root, "utility"), "utility", $"'{utility}' is not one of cobb-douglas, ces, quasi-linear");
        }

        var defaultRho = InputReader.Find(root, "rho") is null ? (double?)null : input.Number(root, "rho");
        var allies = input.Sequence(root, "allies");
        if (allies.Children.Count == 0)
        {
            throw input.Error(allies, "allies", "needs at least one ally");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<Ally>();
        foreach (var node in allies.Children)
        {
            var ally = input.Mapping(node, "allies");
            input.AllowOnly(ally, "name", "income", "alpha", "beta", "rho", "privateShare");
            var name = input.String(ally, "name");
            if (!names.Add(name))
            {
                throw input.Error(input.Required(ally, "name"), "name", $"ally '{name}' appears twice");
            }

            var income = input.Number(ally, "income");
            var share = input.Number(ally, "privateShare", 0);
            result.Add(input.Build(ally, () =>
            {
                Preference preference = utility switch
                {
                    "cobb-douglas" => new CobbDouglas(input.Number(ally, "alpha")),
                    "ces" => new Ces(input.Number(ally, "alpha"), InputReader.Find(ally, "rho") is null
                        ? defaultRho ?? throw input.Error(ally, "rho", "is missing (give it per ally or at the top level)")
                        : input.Number(ally, "rho")),
                    _ => new QuasiLinear(input.Number(ally, "beta")),
                };
                return new Ally(name, income, preference, share);
            }));
        }

        input.RequireFiniteSum(allies, "income", result.Select(a => a.Income), "incomes");

        return result;
    }

    /// <summary><c>{"delta1", "delta2", "pie": 1, "outside1": 0, "outside2": 0, "breakdown": 0, "deadline": rounds}</c>.</summary>
    /// <exception cref="LinchpinException">The input is malformed or a value is impossible.</exception>
    public static BargainingProblem ParseRubinstein(string text, string file)
    {
        var input = InputReader.Load(text, file);
        var root = input.Root;
        input.AllowOnly(root, "delta1", "delta2", "pie", "outside1", "outside2", "breakdown", "deadline");
        var delta1 = input.Number(root, "delta1");
        var delta2 = input.Number(root, "delta2");
        var pie = input.Number(root, "pie", 1);
        var outside1 = input.Number(root, "outside1", 0);
        var outside2 = input.Number(root, "outside2", 0);
        var breakdown = input.Number(root, "breakdown", 0);
        var deadline = input.WholeNumber(root, "deadline");
        return input.Build(root, () => new BargainingProblem(delta1, delta2, pie, outside1, outside2, breakdown, deadline));
    }

    /// <summary><c>{"pie", "disagreement": [d₁, d₂], "weights": [w₁, w₂]}</c>; weights default to equal.</summary>
    /// <exception cref="LinchpinException">The input is malformed or a value is impossible.</exception>
    public static NashInput ParseNash(string text, string file)
    {
        var input = InputReader.Load(text, file);
        var root = input.Root;
        input.AllowOnly(root, "pie", "disagreement", "weights");
        var pie = input.Number(root, "pie");
        if (!(pie > 0))
        {
            throw input.Error(input.Required(root, "pie"), "pie", $"must be positive, got {pie}");
        }

        var d = input.Numbers(root, "disagreement", 2);
        var w = InputReader.Find(root, "weights") is null ? [1.0, 1.0] : input.Numbers(root, "weights", 2);
        if (!(w[0] > 0 && w[1] > 0))
        {
            throw input.Error(input.Required(root, "weights"), "weights", "both weights must be positive");
        }

        input.RequireFiniteSum(root, "pie", [pie, .. d], "pie and disagreement payoffs");
        if (InputReader.Find(root, "weights") is { } weights)
        {
            input.RequireFiniteSum(weights, "weights", w, "weights");
        }

        return new NashInput(pie, d[0], d[1], w[0] / (w[0] + w[1]));
    }

    /// <summary>
    /// <c>{"players": [...], "airport": [C_i per player]}</c>, or <c>{"players": [...], "cost": {"A": 6, "A,B": 10, …}}</c>
    /// (every non-empty coalition), or the same with <c>"value"</c>; optional <c>"allocation": {"A": x_A, …}</c>.
    /// </summary>
    /// <exception cref="LinchpinException">The input is malformed or a value is impossible.</exception>
    public static CostGameInput ParseCostGame(string text, string file)
    {
        var input = InputReader.Load(text, file);
        var root = input.Root;
        input.AllowOnly(root, "players", "airport", "cost", "value", "allocation");
        var playerList = input.Sequence(root, "players");
        var players = playerList.Children.Select(n => input.Scalar(n, "players").Trim()).ToArray();
        if (players.Length is < 1 or > CoalitionalGame.MaxPlayers)
        {
            throw input.Error(playerList, "players", $"needs 1 to {CoalitionalGame.MaxPlayers} players, got {players.Length}");
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < players.Length; i++)
        {
            if (players[i].Length == 0 || players[i].Contains(',', StringComparison.Ordinal) || !index.TryAdd(players[i], i))
            {
                throw input.Error(playerList.Children[i], "players", $"player names must be distinct, non-empty and without commas: '{players[i]}'");
            }
        }

        var given = GameFields.Where(f => InputReader.Find(root, f) is not null).ToArray();
        if (given.Length != 1)
        {
            throw input.Error(root, given.Length == 0 ? "cost" : given[1], "give exactly one of 'airport', 'cost' or 'value'");
        }

        CoalitionalGame game;
        if (given[0] == "airport")
        {
            var costs = input.Numbers(root, "airport", players.Length);
            if (costs.Any(c => c < 0))
            {
                throw input.Error(input.Required(root, "airport"), "airport", $"a runway cost cannot be negative, got {costs.First(c => c < 0)}");
            }

            input.RequireFiniteSum(input.Required(root, "airport"), "airport", costs, "runway costs");
            game = new AirportGame(players, costs);
        }
        else
        {
            if (players.Length > 20)
            {
                throw input.Error(playerList, "players", "a coalition table is limited to 20 players (2^20 entries); use 'airport' for larger games");
            }

            game = ParseTable(input, root, given[0], players, index);
        }

        double[]? allocation = null;
        if (InputReader.Find(root, "allocation") is { } allocationNode)
        {
            var map = input.Mapping(allocationNode, "allocation");
            allocation = new double[players.Length];
            var seen = new bool[players.Length];
            foreach (var (key, value) in map.Children)
            {
                var name = input.Scalar(key, "allocation").Trim();
                if (!index.TryGetValue(name, out var i))
                {
                    throw input.Error(key, "allocation", $"unknown player '{name}'");
                }

                allocation[i] = input.AsNumber(value, "allocation");
                seen[i] = true;
            }

            if (Array.IndexOf(seen, false) is var missing and >= 0)
            {
                throw input.Error(map, "allocation", $"player '{players[missing]}' has no amount");
            }

            input.RequireFiniteSum(map, "allocation", allocation, "amounts of the allocation");
        }

        return new CostGameInput(game, allocation);
    }

    /// <summary>
    /// <c>{"gain", "curvature", "loss", "baseline", "deterrence", "provocation", "fightCost", "abandonCost",
    /// "commitment": [κ…], "belief": {"alpha", "beta"}, "signals": [{"signal", "strength"}]}</c>.
    /// </summary>
    /// <exception cref="LinchpinException">The input is malformed or a value is impossible.</exception>
    public static CredibilityInput ParseCredibility(string text, string file)
    {
        var input = InputReader.Load(text, file);
        var root = input.Root;
        string[] fields = ["gain", "curvature", "loss", "baseline", "deterrence", "provocation", "fightCost", "abandonCost"];
        input.AllowOnly(root, [.. fields, "commitment", "belief", "signals"]);
        var v = fields.Select(f => input.Number(root, f)).ToArray();
        var parameters = input.Build(root, () => new SecurityDilemmaParameters(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]));
        var commitments = DefaultCommitments;
        if (InputReader.Find(root, "commitment") is not null)
        {
            var list = input.Numbers(root, "commitment");
            if (list.Length == 0 || list.Any(k => k is < 0 or > 1))
            {
                throw input.Error(input.Required(root, "commitment"), "commitment", "needs one or more levels, each in [0, 1]");
            }

            commitments = list;
        }

        CommitmentBelief? prior = null;
        if (InputReader.Find(root, "belief") is { } beliefNode)
        {
            var belief = input.Mapping(beliefNode, "belief");
            input.AllowOnly(belief, "alpha", "beta");
            var (a, b) = (input.Number(belief, "alpha"), input.Number(belief, "beta"));
            prior = input.Build(belief, () => new CommitmentBelief(a, b));
        }

        var signals = new List<ObservedSignal>();
        if (InputReader.Find(root, "signals") is not null)
        {
            if (prior is null)
            {
                throw input.Error(input.Required(root, "signals"), "belief", "is missing: signals update a prior belief");
            }

            foreach (var node in input.Sequence(root, "signals").Children)
            {
                var map = input.Mapping(node, "signals");
                input.AllowOnly(map, "signal", "strength");
                var name = input.String(map, "signal");
                var signal = name switch
                {
                    "reaffirmed" => CommitmentSignal.Reaffirmed,
                    "withheld" => CommitmentSignal.Withheld,
                    "withdrawal-threat" => CommitmentSignal.WithdrawalThreat,
                    "crisis-support" => CommitmentSignal.CrisisSupport,
                    "crisis-abandonment" => CommitmentSignal.CrisisAbandonment,
                    _ => throw input.Error(input.Required(map, "signal"), "signal",
                        $"'{name}' is not one of reaffirmed, withheld, withdrawal-threat, crisis-support, crisis-abandonment"),
                };
                var strength = input.Number(map, "strength", 1);
                if (!(strength > 0))
                {
                    throw input.Error(input.Required(map, "strength"), "strength", $"must be positive, got {strength}");
                }

                signals.Add(new ObservedSignal(signal, strength));
            }
        }

        return new CredibilityInput(parameters, commitments, prior, signals);
    }

    /// <summary>
    /// <c>{"patronValue", "stationingCost", "hostValue", "withdrawalSaving", "strategicLoss", "selfHelpCost",
    /// "patronDelta", "hostDelta", "breakdown": 0, "proposer": "patron"|"host", "deadline": rounds}</c>.
    /// </summary>
    /// <exception cref="LinchpinException">The input is malformed or a value is impossible.</exception>
    public static SmaNegotiation ParseSma(string text, string file)
    {
        var input = InputReader.Load(text, file);
        var root = input.Root;
        string[] fields = ["patronValue", "stationingCost", "hostValue", "withdrawalSaving", "strategicLoss", "selfHelpCost", "patronDelta", "hostDelta"];
        input.AllowOnly(root, [.. fields, "breakdown", "proposer", "deadline"]);
        var v = fields.Select(f => input.Number(root, f)).ToArray();
        var proposer = input.OptionalString(root, "proposer") ?? "patron";
        if (proposer is not ("patron" or "host"))
        {
            throw input.Error(input.Required(root, "proposer"), "proposer", $"'{proposer}' is not one of patron, host");
        }

        var negotiation = new SmaNegotiation(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], input.Number(root, "breakdown", 0), proposer == "patron", input.WholeNumber(root, "deadline"));

        // Check every range now, so errors point at the file; the names map to the input's fields.
        input.Build(root, () => SmaBargaining.Settle(negotiation), name => name switch
        {
            "delta1" => proposer == "patron" ? "patronDelta" : "hostDelta",
            "delta2" => proposer == "patron" ? "hostDelta" : "patronDelta",
            "StationingCost" => "stationingCost",
            "WithdrawalSaving" => "withdrawalSaving",
            "StrategicLoss" => "strategicLoss",
            "SelfHelpCost" => "selfHelpCost",
            "PatronValue" => "patronValue",
            "HostValue" => "hostValue",
            _ => name,
        });
        return negotiation;
    }

    private static TabularGame ParseTable(InputReader input, YamlMappingNode root, string field, string[] players, Dictionary<string, int> index)
    {
        var map = input.Mapping(input.Required(root, field), field);
        var n = players.Length;
        var worth = new double[1 << n];
        var seen = new bool[1 << n];
        foreach (var (key, value) in map.Children)
        {
            var text = input.Scalar(key, field);
            var mask = 0;
            foreach (var part in text.Split(','))
            {
                var name = part.Trim();
                if (!index.TryGetValue(name, out var i))
                {
                    throw input.Error(key, field, $"unknown player '{name}' in coalition '{text}'");
                }

                if ((mask & (1 << i)) != 0)
                {
                    throw input.Error(key, field, $"player '{name}' appears twice in coalition '{text}'");
                }

                mask |= 1 << i;
            }

            if (seen[mask])
            {
                throw input.Error(key, field, $"coalition '{text}' is given twice");
            }

            seen[mask] = true;
            worth[mask] = input.AsNumber(value, field);
        }

        for (var s = 1; s < worth.Length; s++)
        {
            if (!seen[s])
            {
                var missing = string.Join(",", Enumerable.Range(0, n).Where(i => (s & (1 << i)) != 0).Select(i => players[i]));
                throw input.Error(map, field, $"coalition '{missing}' is missing (every non-empty coalition needs a {field})");
            }
        }

        input.RequireFiniteSum(map, field, worth, $"{field}s of the coalitions");
        return new TabularGame(players, worth, field == "cost" ? GameKind.Cost : GameKind.Value);
    }
}
