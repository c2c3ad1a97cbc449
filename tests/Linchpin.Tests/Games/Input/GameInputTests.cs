using Linchpin.Games.Bargaining;
using Linchpin.Games.CostAllocation;
using Linchpin.Games.Credibility;
using Linchpin.Games.Input;
using Linchpin.Games.PublicGoods;

namespace Linchpin.Tests.Games.Input;

/// <summary>The game input parsers: good files in YAML and JSON, and every bad-input path as one <c>FILE:LINE: field 'x': problem</c> line.</summary>
public static class GameInputTests
{
    private static void Fails(Action parse, string expected)
    {
        var error = Assert.Throws<LinchpinException>(parse);
        Assert.Equal(ErrorKind.BadInput, error.Kind);
        Assert.Equal(expected, error.Message);
    }

    public sealed class ParsePublicGood
    {
        [Fact]
        public void Reads_cobb_douglas_allies_from_json()
        {
            var allies = GameInput.ParsePublicGood("""{"utility": "cobb-douglas", "allies": [{"name": "A", "income": 10, "alpha": 0.5}, {"name": "B", "income": 4, "alpha": 0.25, "privateShare": 0.1}]}""", "g.json");

            Assert.Equal(2, allies.Count);
            Assert.Equal(0.25, Assert.IsType<CobbDouglas>(allies[1].Preference).Alpha);
            Assert.Equal(0.1, allies[1].PrivateShare);
        }

        [Fact]
        public void Reads_ces_with_a_default_rho_and_quasi_linear()
        {
            var ces = GameInput.ParsePublicGood("utility: ces\nrho: -1\nallies:\n  - {name: A, income: 10, alpha: 0.5}\n  - {name: B, income: 10, alpha: 0.5, rho: 0.5}\n", "g.yaml");
            var ql = GameInput.ParsePublicGood("utility: quasi-linear\nallies:\n  - {name: A, income: 10, beta: 3}\n", "g.yaml");

            Assert.Equal(-1, Assert.IsType<Ces>(ces[0].Preference).Rho);
            Assert.Equal(0.5, Assert.IsType<Ces>(ces[1].Preference).Rho);
            Assert.Equal(3, Assert.IsType<QuasiLinear>(ql[0].Preference).Beta);
        }

        [Theory]
        [InlineData("utility: cobb-douglas\nallies:\n  - {name: A, income: -5, alpha: 0.5}\n", "g.yaml:3: field 'income': income must be zero or more, got -5")]
        [InlineData("utility: cobb-douglas\nallies:\n  - {name: A, income: 5, alpha: 1}\n", "g.yaml:3: field 'alpha': alpha must be strictly between 0 and 1, got 1")]
        [InlineData("utility: cobb-douglas\nallies:\n  - {name: A, income: 5}\n", "g.yaml:3: field 'alpha': is missing")]
        [InlineData("utility: leontief\nallies: []\n", "g.yaml:1: field 'utility': 'leontief' is not one of cobb-douglas, ces, quasi-linear")]
        [InlineData("utility: cobb-douglas\nallies: []\n", "g.yaml:2: field 'allies': needs at least one ally")]
        [InlineData("utility: ces\nallies:\n  - {name: A, income: 5, alpha: 0.5}\n", "g.yaml:3: field 'rho': is missing (give it per ally or at the top level)")]
        [InlineData("utility: cobb-douglas\nallies:\n  - {name: A, income: 5, alpha: 0.5}\n  - {name: A, income: 5, alpha: 0.5}\n", "g.yaml:4: field 'name': ally 'A' appears twice")]
        [InlineData("utility: cobb-douglas\nallies:\n  - {name: A, income: ten, alpha: 0.5}\n", "g.yaml:3: field 'income': 'ten' is not a number")]
        [InlineData("utility: cobb-douglas\nalies: []\n", "g.yaml:2: field 'alies': unknown field (expected one of: utility, rho, allies)")]
        [InlineData("- 1\n- 2\n", "g.yaml:1: expected a mapping of fields at the top level")]
        [InlineData("", "g.yaml: the file is empty")]
        public void Bad_input_names_the_line_and_field(string text, string expected)
        {
            Fails(() => GameInput.ParsePublicGood(text, "g.yaml"), expected);
        }

        [Fact]
        public void Broken_syntax_names_the_line()
        {
            var error = Assert.Throws<LinchpinException>(() => GameInput.ParsePublicGood("{\"utility\": \"ces\",\n \"allies\": [\n", "g.json"));

            Assert.StartsWith("g.json:3: ", error.Message);
            Assert.DoesNotContain('\n', error.Message);
        }
    }

    public sealed class ParseRubinstein
    {
        [Fact]
        public void Reads_every_field_with_defaults()
        {
            var full = GameInput.ParseRubinstein("""{"delta1": 0.9, "delta2": 0.8, "pie": 2, "outside1": 0.1, "outside2": 0.2, "breakdown": 0.05, "deadline": 10}""", "r.json");
            var minimal = GameInput.ParseRubinstein("delta1: 0.9\ndelta2: 0.8\n", "r.yaml");

            Assert.Equal((0.9, 0.8, 2, 0.1, 0.2, 0.05, 10), (full.Delta1, full.Delta2, full.Pie, full.Outside1, full.Outside2, full.Breakdown, full.Deadline));
            Assert.Equal((1.0, 0.0, 0.0, 0.0, (int?)null), (minimal.Pie, minimal.Outside1, minimal.Outside2, minimal.Breakdown, minimal.Deadline));
        }

        [Theory]
        [InlineData("delta1: 1.2\ndelta2: 0.8\n", "r.yaml:1: field 'delta1': must be in [0, 1) (1 is allowed only with a breakdown probability above 0), got 1.2")]
        [InlineData("delta1: 0.9\ndelta2: -0.1\n", "r.yaml:2: field 'delta2': must be in [0, 1) (1 is allowed only with a breakdown probability above 0), got -0.1")]
        [InlineData("delta1: 0.9\n", "r.yaml:1: field 'delta2': is missing")]
        [InlineData("delta1: 0.9\ndelta2: 0.8\nbreakdown: 2\n", "r.yaml:3: field 'breakdown': must be in [0, 1], got 2")]
        [InlineData("delta1: 0.9\ndelta2: 0.8\npie: 0\n", "r.yaml:3: field 'pie': must be positive, got 0")]
        [InlineData("delta1: 0.9\ndelta2: 0.8\ndeadline: 2.5\n", "r.yaml:3: field 'deadline': '2.5' is not a whole number")]
        [InlineData("delta1: 0.9\ndelta2: 0.8\ndeadline: 0\n", "r.yaml:3: field 'deadline': must be at least 1 round, got 0")]
        [InlineData("delta1: [0.9]\ndelta2: 0.8\n", "r.yaml:1: field 'delta1': expected a single value")]
        public void Bad_input_names_the_line_and_field(string text, string expected)
        {
            Fails(() => GameInput.ParseRubinstein(text, "r.yaml"), expected);
        }
    }

    public sealed class ParseNash
    {
        [Fact]
        public void Normalises_the_weights()
        {
            var nash = GameInput.ParseNash("""{"pie": 1, "disagreement": [0.1, 0.3], "weights": [7, 3]}""", "n.json");

            Assert.Equal(new NashInput(1, 0.1, 0.3, 0.7), nash);
        }

        [Theory]
        [InlineData("pie: 1\ndisagreement: [0.1]\n", "n.yaml:2: field 'disagreement': expected 2 numbers, got 1")]
        [InlineData("pie: 1\ndisagreement: [0.1, 0.2]\nweights: [1, 0]\n", "n.yaml:3: field 'weights': both weights must be positive")]
        [InlineData("pie: -1\ndisagreement: [0.1, 0.2]\n", "n.yaml:1: field 'pie': must be positive, got -1")]
        [InlineData("pie: 1\n", "n.yaml:1: field 'disagreement': is missing")]
        public void Bad_input_names_the_line_and_field(string text, string expected)
        {
            Fails(() => GameInput.ParseNash(text, "n.yaml"), expected);
        }
    }

    public sealed class ParseCostGame
    {
        [Fact]
        public void Reads_a_cost_table_and_an_allocation()
        {
            var input = GameInput.ParseCostGame("players: [A, B]\ncost:\n  A: 6\n  B: 5\n  B, A: 10\nallocation: {A: 5.5, B: 4.5}\n", "c.yaml");

            var game = Assert.IsType<TabularGame>(input.Game);
            Assert.Equal(GameKind.Cost, game.Kind);
            Assert.Equal(10, game.Total);
            Assert.Equal(5, game.Worth(game.Coalition("B")));
            Assert.Equal([5.5, 4.5], input.Allocation!);
        }

        [Fact]
        public void Reads_a_value_game_and_an_airport_game()
        {
            var value = GameInput.ParseCostGame("""{"players": ["A"], "value": {"A": 3}}""", "v.json");
            var airport = GameInput.ParseCostGame("""{"players": ["A","B","C"], "airport": [1, 2, 3]}""", "a.json");

            Assert.Equal(GameKind.Value, value.Game.Kind);
            Assert.Equal([1.0, 2.0, 3.0], Assert.IsType<AirportGame>(airport.Game).Costs);
        }

        [Theory]
        [InlineData("players: [A, B]\ncost:\n  A: 1\n  B: 2\n  A,D: 3\n", "c.yaml:5: field 'cost': unknown player 'D' in coalition 'A,D'")]
        [InlineData("players: [A, B]\ncost:\n  A: 1\n  A,B: 3\n", "c.yaml:3: field 'cost': coalition 'B' is missing (every non-empty coalition needs a cost)")]
        [InlineData("players: [A, B]\ncost:\n  A: 1\n  B: 2\n  A,B: 3\n  B,A: 3\n", "c.yaml:6: field 'cost': coalition 'B,A' is given twice")]
        [InlineData("players: [A, B]\ncost:\n  A: 1\n  B: 2\n  A,A: 3\n", "c.yaml:5: field 'cost': player 'A' appears twice in coalition 'A,A'")]
        [InlineData("players: [A, A]\nairport: [1, 2]\n", "c.yaml:1: field 'players': player names must be distinct, non-empty and without commas: 'A'")]
        [InlineData("players: [A, B]\nairport: [1]\n", "c.yaml:2: field 'airport': expected 2 numbers, got 1")]
        [InlineData("players: [A, B]\nairport: [1, -2]\n", "c.yaml:2: field 'airport': a runway cost cannot be negative, got -2")]
        [InlineData("players: [A, B]\n", "c.yaml:1: field 'cost': give exactly one of 'airport', 'cost' or 'value'")]
        [InlineData("players: [A, B]\nairport: [1, 2]\nallocation: {A: 1, C: 1}\n", "c.yaml:3: field 'allocation': unknown player 'C'")]
        [InlineData("players: [A, B]\nairport: [1, 2]\nallocation: {A: 1}\n", "c.yaml:3: field 'allocation': player 'B' has no amount")]
        [InlineData("players: []\nairport: []\n", "c.yaml:1: field 'players': needs 1 to 30 players, got 0")]
        public void Bad_input_names_the_line_and_field(string text, string expected)
        {
            Fails(() => GameInput.ParseCostGame(text, "c.yaml"), expected);
        }
    }

    public sealed class ParseCredibility
    {
        private const string Worked = "gain: 1\ncurvature: 1\nloss: 5\nbaseline: 0.3\ndeterrence: 0.5\nprovocation: 0.4\nfightCost: 3\nabandonCost: 4\n";

        [Fact]
        public void Reads_the_model_a_belief_and_signals()
        {
            var input = GameInput.ParseCredibility(Worked + "commitment: [0.5]\nbelief: {alpha: 2, beta: 2}\nsignals:\n  - {signal: crisis-support}\n  - {signal: withheld, strength: 0.5}\n", "k.yaml");

            Assert.Equal(0.4, input.Parameters.Provocation);
            Assert.Equal([0.5], input.Commitments);
            Assert.Equal(new CommitmentBelief(2, 2), input.Prior);
            Assert.Equal([new ObservedSignal(CommitmentSignal.CrisisSupport), new ObservedSignal(CommitmentSignal.Withheld, 0.5)], input.Signals);
        }

        [Fact]
        public void Defaults_to_the_standard_commitment_grid()
        {
            Assert.Equal([0, 0.25, 0.5, 0.75, 1], GameInput.ParseCredibility(Worked, "k.yaml").Commitments);
        }

        [Theory]
        [InlineData("curvature: 0\n", "k.yaml:2: field 'curvature': must be positive, got 0")]
        [InlineData("baseline: 0.9\n", "k.yaml:6: field 'provocation': baseline + provocation = 1.3 > 1: the crisis probability could exceed 1, got 0.4")]
        [InlineData("commitment: [1.5]\n", "k.yaml:9: field 'commitment': needs one or more levels, each in [0, 1]")]
        [InlineData("signals: [{signal: crisis-support}]\n", "k.yaml:9: field 'belief': is missing: signals update a prior belief")]
        [InlineData("belief: {alpha: 0, beta: 1}\n", "k.yaml:9: field 'alpha': must be positive, got 0")]
        [InlineData("belief: {alpha: 1, beta: 1}\nsignals: [{signal: bluff}]\n", "k.yaml:10: field 'signal': 'bluff' is not one of reaffirmed, withheld, withdrawal-threat, crisis-support, crisis-abandonment")]
        [InlineData("belief: {alpha: 1, beta: 1}\nsignals: [{signal: withheld, strength: -1}]\n", "k.yaml:10: field 'strength': must be positive, got -1")]
        public void Bad_input_names_the_line_and_field(string change, string expected)
        {
            // Replace the field the change names (or append it).
            var key = change[..change.IndexOf(':', StringComparison.Ordinal)];
            var lines = Worked.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
            var at = lines.FindIndex(l => l.StartsWith(key + ":", StringComparison.Ordinal));
            var changed = change.TrimEnd('\n').Split('\n');
            if (at >= 0)
            {
                lines[at] = changed[0];
                lines.AddRange(changed.Skip(1));
            }
            else
            {
                lines.AddRange(changed);
            }

            Fails(() => GameInput.ParseCredibility(string.Join('\n', lines) + "\n", "k.yaml"), expected);
        }
    }

    public sealed class ParseSma
    {
        private const string Good = "patronValue: 3\nstationingCost: 2\nhostValue: 4\nwithdrawalSaving: 1\nstrategicLoss: 3\nselfHelpCost: 0.5\npatronDelta: 0.9\nhostDelta: 0.9\n";

        [Fact]
        public void Reads_a_negotiation()
        {
            var negotiation = GameInput.ParseSma(Good + "proposer: host\ndeadline: 4\n", "s.yaml");

            Assert.Equal(new SmaNegotiation(3, 2, 4, 1, 3, 0.5, 0.9, 0.9, 0, false, 4), negotiation);
        }

        [Theory]
        [InlineData("stationingCost: -2\n", "s.yaml:2: field 'stationingCost': must be zero or more, got -2")]
        [InlineData("hostDelta: 1\n", "s.yaml:8: field 'hostDelta': must be in [0, 1) (1 is allowed only with a breakdown probability above 0), got 1")]
        [InlineData("proposer: ally\n", "s.yaml:9: field 'proposer': 'ally' is not one of patron, host")]
        public void Bad_input_names_the_line_and_field(string change, string expected)
        {
            var key = change[..change.IndexOf(':', StringComparison.Ordinal)];
            var lines = Good.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
            var at = lines.FindIndex(l => l.StartsWith(key + ":", StringComparison.Ordinal));
            if (at >= 0)
            {
                lines[at] = change.TrimEnd('\n');
            }
            else
            {
                lines.Add(change.TrimEnd('\n'));
            }

            Fails(() => GameInput.ParseSma(string.Join('\n', lines) + "\n", "s.yaml"), expected);
        }
    }
}
