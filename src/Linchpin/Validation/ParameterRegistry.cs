using Linchpin.Simulation;

namespace Linchpin.Validation;

/// <summary>Where a parameter's value comes from.</summary>
public enum ParameterBasis
{
    /// <summary>Measured directly from data.</summary>
    Data,

    /// <summary>Fitted to data (the docs say on what, and what was held out).</summary>
    Fitted,

    /// <summary>An assumption (a documented judgement, with the literature's sign where there is one).</summary>
    Assumption,
}

/// <summary>
/// One parameter of <see cref="SimulationParameters"/>, by the snake_case name a scenario's
/// <c>parameters:</c> block uses: how to read and set it, its default prior (uniform on
/// [<paramref name="Lower"/>, <paramref name="Upper"/>]) and where the prior comes from.
/// </summary>
/// <param name="Name">The scenario file's name (e.g. <c>threat_elasticity</c>).</param>
/// <param name="Read">Reads the value.</param>
/// <param name="Write">Returns the parameters with the value replaced.</param>
/// <param name="Lower">Lower end of the default prior.</param>
/// <param name="Upper">Upper end of the default prior.</param>
/// <param name="Basis">Whether the default value is data, fitted or an assumption.</param>
/// <param name="Source">Where the default and its prior range come from, in words.</param>
public sealed record ParameterInfo(
    string Name, Func<SimulationParameters, double> Read, Func<SimulationParameters, double, SimulationParameters> Write,
    double Lower, double Upper, ParameterBasis Basis, string Source);

/// <summary>
/// The one name → (read, set) registry over <see cref="SimulationParameters"/> that calibration and
/// sensitivity analysis use, keyed by the scenario file's names. A new parameter is one line here.
/// Every prior is uniform; the ranges and sources are listed in docs/models/validation.md.
/// </summary>
public static class ParameterRegistry
{
    private const string Judgement = "assumption: a range around the default judged plausible";

    /// <summary>Every registered parameter, in a fixed order.</summary>
    public static IReadOnlyList<ParameterInfo> All { get; } =
    [
        new("publicness", p => p.Publicness, (p, v) => p with { Publicness = v }, 0.3, 0.7, ParameterBasis.Assumption, Judgement + " (Sandler 1977: defence is partly private)"),
        new("threat_persistence", p => p.ThreatPersistence, (p, v) => p with { ThreatPersistence = v }, 0.6, 0.95, ParameterBasis.Assumption, Judgement),
        new("threat_volatility", p => p.ThreatVolatility, (p, v) => p with { ThreatVolatility = v }, 0.02, 0.1, ParameterBasis.Assumption, Judgement),
        new("threat_elasticity", p => p.ThreatElasticity, (p, v) => p with { ThreatElasticity = v }, 0.05, 1, ParameterBasis.Fitted,
            "fitted on NATO's 2019 figures from 2014 (nato-2014; 2023 held out); prior spans the calibration grid's plausible part"),
        new("pledge_pull", p => p.PledgePull, (p, v) => p with { PledgePull = v }, 0, 4, ParameterBasis.Fitted,
            "fitted on NATO's 2019 figures from 2014 (nato-2014; 2023 held out); prior spans the calibration grid's lower part"),
        new("transactional_pressure", p => p.TransactionalPressure, (p, v) => p with { TransactionalPressure = v }, 0, 1, ParameterBasis.Assumption, Judgement),
        new("belief_memory", p => p.BeliefMemory, (p, v) => p with { BeliefMemory = v }, 0.6, 0.95, ParameterBasis.Assumption, Judgement),
        new("multilateral_credibility", p => p.MultilateralCredibility, (p, v) => p with { MultilateralCredibility = v }, 0.7, 0.95, ParameterBasis.Assumption, Judgement),
        new("transactional_credibility", p => p.TransactionalCredibility, (p, v) => p with { TransactionalCredibility = v }, 0.4, 0.7, ParameterBasis.Assumption, Judgement),
        new("entrapment_memory", p => p.EntrapmentMemory, (p, v) => p with { EntrapmentMemory = v }, 0.5, 0.9, ParameterBasis.Assumption, Judgement),
        new("hedging_discount", p => p.HedgingDiscount, (p, v) => p with { HedgingDiscount = v }, 0.25, 0.75, ParameterBasis.Assumption, Judgement),
        new("security_value", p => p.SecurityValue, (p, v) => p with { SecurityValue = v }, 0.5, 2, ParameterBasis.Assumption, Judgement),
        new("autonomy_cost", p => p.AutonomyCost, (p, v) => p with { AutonomyCost = v }, 0.02, 0.1, ParameterBasis.Assumption, Judgement),
        new("demand_cost", p => p.DemandCost, (p, v) => p with { DemandCost = v }, 0.1, 0.6, ParameterBasis.Assumption, Judgement),
        new("entrapment_cost", p => p.EntrapmentCost, (p, v) => p with { EntrapmentCost = v }, 0.25, 1, ParameterBasis.Assumption, Judgement),
        new("base_hazard", p => p.BaseHazard, (p, v) => p with { BaseHazard = v }, 0.005, 0.04, ParameterBasis.Data,
            "ATOP 4.01 member-level exits (docs/models/alliance-duration.md); prior about the estimate's order of magnitude"),
        new("hazard_shape", p => p.HazardShape, (p, v) => p with { HazardShape = v }, 0.6, 1.3, ParameterBasis.Data,
            "ATOP 4.01 member-level exits (docs/models/alliance-duration.md); prior covers falling to mildly rising"),
        new("hazard_reference_age", p => p.HazardReferenceAge, (p, v) => p with { HazardReferenceAge = v }, 20, 40, ParameterBasis.Assumption, Judgement),
        new("net_benefit_effect", p => p.NetBenefitEffect, (p, v) => p with { NetBenefitEffect = v }, 1, 8, ParameterBasis.Assumption,
            Judgement + " (sign from Leeds & Savun 2007)"),
        new("exit_hazard_ratio", p => p.ExitHazardRatio, (p, v) => p with { ExitHazardRatio = v }, 0.5, 2, ParameterBasis.Assumption, Judgement),
        new("self_help_factor", p => p.SelfHelpFactor, (p, v) => p with { SelfHelpFactor = v }, 1, 2, ParameterBasis.Assumption, Judgement),
        new("beta_power_change", p => p.PowerChangeEffect, (p, v) => p with { PowerChangeEffect = v }, -1, 5, ParameterBasis.Assumption, "assumption: sign from Leeds & Savun 2007"),
        new("beta_regime_change", p => p.RegimeChangeEffect, (p, v) => p with { RegimeChangeEffect = v }, -0.5, 1.5, ParameterBasis.Assumption, "assumption: sign from Leeds & Savun 2007"),
        new("beta_outside_alliance", p => p.OutsideAllianceEffect, (p, v) => p with { OutsideAllianceEffect = v }, -0.5, 1.5, ParameterBasis.Assumption, "assumption: sign from Leeds & Savun 2007"),
        new("beta_democracy", p => p.DemocracyEffect, (p, v) => p with { DemocracyEffect = v }, -1.5, 0.5, ParameterBasis.Assumption, "assumption: sign from Leeds & Savun 2007"),
        new("beta_issue_linkage", p => p.IssueLinkageEffect, (p, v) => p with { IssueLinkageEffect = v }, -1.5, 0.5, ParameterBasis.Assumption, "assumption: sign from Leeds & Savun 2007"),
        new("beta_threat", p => p.ThreatHazardEffect, (p, v) => p with { ThreatHazardEffect = v }, -1.5, 0.5, ParameterBasis.Assumption, "assumption: sign from capability aggregation"),
        new("beta_asymmetric", p => p.AsymmetryEffect, (p, v) => p with { AsymmetryEffect = v }, -1.5, 0.5, ParameterBasis.Assumption, "assumption: sign from Morrow 1991"),
        new("treaty_spillover", p => p.TreatySpillover, (p, v) => p with { TreatySpillover = v }, 0, 0.5, ParameterBasis.Assumption,
            "assumption: separate spokes (0) up to half weight on other treaties' spending (Sandler & Murdoch's spill-in)"),
    ];

    /// <summary>The parameter called <paramref name="name"/>, or <c>null</c>.</summary>
    public static ParameterInfo? Find(string name) => All.FirstOrDefault(p => p.Name == name);

    /// <summary>The parameter called <paramref name="name"/>.</summary>
    /// <param name="name">A scenario-file name.</param>
    /// <param name="field">The input field, for the message.</param>
    /// <exception cref="LinchpinException">No parameter has that name (the message names the field and lists the names).</exception>
    public static ParameterInfo Get(string name, string field) =>
        Find(name) ?? throw new LinchpinException($"{field}: '{name}' is not a parameter (one of {string.Join(", ", All.Select(p => p.Name))})");

    /// <summary>The parameters with <paramref name="values"/> set, one per entry of <paramref name="names"/>.</summary>
    public static SimulationParameters With(SimulationParameters parameters, IReadOnlyList<ParameterInfo> names, ReadOnlySpan<double> values)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count != values.Length)
        {
            throw new ArgumentException($"expected {names.Count} values, got {values.Length}", nameof(values));
        }

        for (var i = 0; i < names.Count; i++)
        {
            parameters = names[i].Write(parameters, values[i]);
        }

        return parameters;
    }
}
