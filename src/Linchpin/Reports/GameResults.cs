using Linchpin.Data;
using Linchpin.Games.Bargaining;
using Linchpin.Games.CostAllocation;
using Linchpin.Games.Credibility;
using Linchpin.Games.Input;
using Linchpin.Games.PublicGoods;

namespace Linchpin.Reports;

/// <summary>
/// The alliance games as <c>linchpin game NAME</c> solves them: each takes the input text (YAML or
/// JSON) and the name to give it in error messages, and returns the result the command prints.
/// </summary>
public static class GameResults
{
    /// <summary>The game names, as the command's subcommands spell them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["public-good", "rubinstein", "nash", "sma", "shapley", "nucleolus", "core", "credibility"];

    /// <summary>Solves the named game on <paramref name="text"/>.</summary>
    /// <param name="game">One of <see cref="Names"/>.</param>
    /// <param name="text">The input (YAML or JSON).</param>
    /// <param name="path">The input's name in messages (a file path, or a label).</param>
    /// <param name="permutations">Shapley only: sample this many random orders (at least 2); <c>null</c> for the exact value where it can be had.</param>
    /// <param name="seed">Shapley only: the seed of the random orders.</param>
    /// <exception cref="LinchpinException">An unknown game, or bad input (the message names the field).</exception>
    public static GameResult Solve(string game, string text, string path, int? permutations = null, int seed = 1) => game switch
    {
        "public-good" => PublicGood(text, path),
        "rubinstein" => Rubinstein(text, path),
        "nash" => Nash(text, path),
        "sma" => Sma(text, path),
        "shapley" => ShapleyValue(text, path, permutations, seed),
        "nucleolus" => NucleolusOf(text, path),
        "core" => CoreOf(text, path),
        "credibility" => Credibility(text, path),
        _ => throw new LinchpinException($"unknown game '{game}' (known: {string.Join(", ", Names)})"),
    };

    /// <summary>The voluntary-contribution equilibrium and the under-provision gap.</summary>
    public static GameResult PublicGood(string text, string path)
    {
        var allies = GameInput.ParsePublicGood(text, path);
        var result = PublicGoodGame.Solve(allies);
        return new GameResult("Voluntary-contribution equilibrium")
            .Add("total", result.Total)
            .Add("paretoTotal", result.ParetoTotal)
            .Add("gap", result.Gap)
            .Add("provisionRatio", result.ProvisionRatio)
            .Add("contributors", result.Contributors)
            .Add("freeRiders", result.FreeRiders)
            .Add("splitIndeterminate", result.SplitIndeterminate)
            .Players([.. allies.Select(a => a.Name)])
            .Column("contribution", result.Contributions)
            .Column("consumption", result.Consumption)
            .Column("freeRider", allies.Select((_, i) => (object?)!result.IsContributor(i)));
    }

    /// <summary>The alternating-offers equilibrium (player 1 proposes first).</summary>
    public static GameResult Rubinstein(string text, string path)
    {
        var problem = GameInput.ParseRubinstein(text, path);
        var outcome = AlternatingOffers.Solve(problem);
        return new GameResult("Alternating-offers equilibrium (player 1 proposes first)")
            .Add("agreement", outcome.Agreement)
            .Add("share1", outcome.ProposerShare)
            .Add("share2", outcome.Agreement ? 1 - outcome.ProposerShare : double.NaN)
            .Add("amount1", outcome.Amount1)
            .Add("amount2", outcome.Amount2)
            .Add("share2IfProposing", outcome.ResponderProposerShare)
            .Add("bindingOptions", outcome.Binding.ToString())
            .Add("expectedDelay", outcome.ExpectedDelay)
            .Add("breakdownProbability", outcome.BreakdownProbability);
    }

    /// <summary>The Nash bargaining solution.</summary>
    public static GameResult Nash(string text, string path)
    {
        var nash = GameInput.ParseNash(text, path);
        var solution = NashBargaining.Solve(nash.Pie, nash.Disagreement1, nash.Disagreement2, nash.Power1);
        return new GameResult("Nash bargaining solution")
            .Add("agreement", solution.Agreement)
            .Add("surplus", solution.Surplus)
            .Add("power1", solution.Power1)
            .Add("payoff1", solution.Payoff1)
            .Add("payoff2", solution.Payoff2)
            .Add("share1", solution.Share1)
            .Add("share2", solution.Share2);
    }

    /// <summary>The cost-sharing (SMA) settlement.</summary>
    public static GameResult Sma(string text, string path)
    {
        var settlement = SmaBargaining.Settle(GameInput.ParseSma(text, path));
        return new GameResult("Cost-sharing settlement")
            .Add("agreement", settlement.Agreement)
            .Add("surplus", settlement.Surplus)
            .Add("patronOutside", settlement.PatronOutside)
            .Add("hostOutside", settlement.HostOutside)
            .Add("patronPayoff", settlement.PatronPayoff)
            .Add("hostPayoff", settlement.HostPayoff)
            .Add("patronShare", settlement.PatronShare)
            .Add("transfer", settlement.Transfer)
            .Add("costSharingRatio", settlement.CostSharingRatio)
            .Add("bindingOptions", settlement.Binding.ToString())
            .Add("expectedDelay", settlement.ExpectedDelay)
            .Add("breakdownProbability", settlement.BreakdownProbability);
    }

    /// <summary>The Shapley value: the airport closed form, exact enumeration, or Monte Carlo permutation sampling.</summary>
    public static GameResult ShapleyValue(string text, string path, int? permutations, int seed)
    {
        var game = GameInput.ParseCostGame(text, path).Game;
        if (permutations is < 2)
        {
            throw new LinchpinException($"--permutations: must be at least 2, got {permutations}");
        }

        var report = new GameResult("Shapley value").Add("total", game.Total).Players(game.Players);
        if (permutations is null && game is AirportGame airport)
        {
            report.Add("method", "airport closed form (Littlechild & Owen 1973)").Column("shapley", airport.ShapleyValue());
        }
        else if (permutations is null && game.PlayerCount <= Shapley.MaxExactPlayers)
        {
            report.Add("method", "exact enumeration").Column("shapley", Shapley.Exact(game));
        }
        else
        {
            var estimate = Shapley.MonteCarlo(game, permutations ?? 10_000, new Random(seed));
            report.Add("method", "Monte Carlo permutation sampling").Add("permutations", estimate.Permutations)
                .Column("shapley", estimate.Values).Column("standardError", estimate.StandardErrors);
        }

        return report;
    }

    /// <summary>The nucleolus (the airport closed form for large airport games).</summary>
    public static GameResult NucleolusOf(string text, string path)
    {
        var game = GameInput.ParseCostGame(text, path).Game;
        var report = new GameResult("Nucleolus").Add("total", game.Total).Players(game.Players);
        if (game is AirportGame airport && game.PlayerCount > Nucleolus.MaxPlayers)
        {
            return report.Add("method", "airport closed form (Littlechild 1974)").Column("nucleolus", airport.Nucleolus());
        }

        if (game.PlayerCount > Nucleolus.MaxPlayers)
        {
            throw new LinchpinException($"{path}: the nucleolus of a general game is limited to {Nucleolus.MaxPlayers} players, got {game.PlayerCount}");
        }

        var result = Nucleolus.Compute(game);
        return report.Add("method", "sequence of linear programmes")
            .Add("leastCoreEpsilon", result.LeastCoreEpsilon)
            .Add("coreNonEmpty", result.CoreNonEmpty)
            .Column("nucleolus", result.Allocation);
    }

    /// <summary>The core test: whether the core is empty, and whether the Shapley value, the nucleolus and a given allocation lie in it.</summary>
    public static GameResult CoreOf(string text, string path)
    {
        var parsedGame = GameInput.ParseCostGame(text, path);
        var game = parsedGame.Game;
        if (game.PlayerCount > Nucleolus.MaxPlayers)
        {
            throw new LinchpinException($"{path}: the core test is limited to {Nucleolus.MaxPlayers} players, got {game.PlayerCount}");
        }

        var nucleolus = Nucleolus.Compute(game);
        var shapley = Shapley.Exact(game);
        var report = new GameResult("Core")
            .Add("total", game.Total)
            .Add("coreNonEmpty", nucleolus.CoreNonEmpty)
            .Add("leastCoreEpsilon", nucleolus.LeastCoreEpsilon)
            .Add("shapleyInCore", Core.Check(game, shapley).InCore)
            .Add("nucleolusInCore", Core.Check(game, nucleolus.Allocation).InCore)
            .Players(game.Players)
            .Column("shapley", shapley)
            .Column("nucleolus", nucleolus.Allocation);
        if (parsedGame.Allocation is { } allocation)
        {
            var check = Core.Check(game, allocation);
            var worst = string.Join(",", game.Players.Where((_, i) => (check.WorstCoalition & (1 << i)) != 0));
            report.Add("allocationInCore", check.InCore)
                .Add("allocationEfficient", check.Efficient)
                .Add("minimumSatisfaction", check.MinimumSatisfaction)
                .Add("worstCoalition", worst)
                .Column("allocation", allocation);
        }

        return report;
    }

    /// <summary>The alliance security dilemma: the emboldening threshold, the optimal commitment, and each commitment level's outcome.</summary>
    public static GameResult Credibility(string text, string path)
    {
        var credibility = GameInput.ParseCredibility(text, path);
        var p = credibility.Parameters;
        var best = SecurityDilemma.OptimalCommitment(p);
        var report = new GameResult("Alliance security dilemma")
            .Add("emboldeningThreshold", SecurityDilemma.EmboldeningThreshold(p))
            .Add("optimalCommitment", best.Commitment)
            .Add("optimalPatronPayoff", best.PatronPayoff)
            .Add("entrapmentDominatesAtOptimum", SecurityDilemma.Slopes(p, best.Commitment).EntrapmentDominates);
        var levels = credibility.Commitments.ToList();
        if (credibility.Prior is { } prior)
        {
            var posterior = prior.Update(credibility.Signals);
            report.Add("priorCredibility", prior.Mean)
                .Add("believedCredibility", posterior.Mean)
                .Add("beliefVariance", posterior.Variance);
            levels.Add(posterior.Mean);
        }

        var rows = levels.Select(k =>
        {
            var o = SecurityDilemma.Evaluate(p, k);
            var s = SecurityDilemma.Slopes(p, k);
            return (IReadOnlyList<object?>)[o.Commitment, o.Firmness, o.CrisisProbability, o.PatronPayoff, o.ProtegePayoff, o.AbandonmentRisk, o.EntrapmentExposure, o.MoralHazardGap, s.CrisisSlope];
        }).ToList();
        string[] names = ["commitment", "firmness", "crisisProbability", "patronPayoff", "protegePayoff", "abandonmentRisk", "entrapmentExposure", "moralHazardGap", "crisisSlope"];
        return report.Table("levels", new ResultTable([.. names.Select(n => new ResultColumn(n, typeof(double)))], rows));
    }
}
