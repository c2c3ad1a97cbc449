using System.Globalization;
using Linchpin.Games.Input;
using Linchpin.Simulation;
using YamlDotNet.RepresentationModel;

namespace Linchpin.Scenarios;

/// <summary>
/// Reads scenario files (YAML, or JSON read as YAML) as <c>Scenarios/scenario.schema.json</c>
/// describes them, checking every field: errors are one line, <c>FILE:LINE: field 'x': problem</c>.
/// </summary>
public static class ScenarioFile
{
    private static readonly string[] TopFields =
        ["name", "title", "description", "start", "years", "patron", "nato_allies", "nato_edition", "defaults", "theatres", "allies", "doctrine", "shocks", "parameters",
         "allow_mixed_basis"];

    private static readonly string[] AllyFields =
        ["iso3", "gdp", "pct_gdp", "growth", "theatre", "belief", "troops", "alliance_age", "outside_option", "cost_sharing", "democracy", "issue_linkage", "asymmetric", "treaty"];

    private static readonly string[] DefaultFields = ["growth", "theatre", "belief", "alliance_age", "outside_option", "democracy", "issue_linkage", "asymmetric"];

    /// <summary>
    /// The hazard covariates' coefficients, with the sign the literature gives each (Leeds &amp; Savun
    /// 2007; Bennett 1997; Morrow 1991; docs/models/alliance-duration.md): a coefficient of the
    /// other sign is allowed, with a warning.
    /// </summary>
    private static readonly (string Name, int Sign, string Source)[] CovariateSigns =
    [
        ("beta_power_change", 1, "Leeds & Savun 2007; Morrow 1991"),
        ("beta_regime_change", 1, "Leeds & Savun 2007"),
        ("beta_outside_alliance", 1, "Leeds & Savun 2007"),
        ("beta_democracy", -1, "Leeds & Savun 2007"),
        ("beta_issue_linkage", -1, "Leeds & Savun 2007"),
        ("beta_threat", -1, "capability aggregation; mixed support"),
        ("beta_asymmetric", -1, "Morrow 1991"),
    ];

    private static readonly string[] DealFields =
        ["currency", "payment", "expires", "term", "patron_value", "stationing_cost", "host_value", "withdrawal_saving", "strategic_loss", "self_help_cost", "patron_demand", "lapse_risk", "uncertainty",
         "indexation", "index_rate", "index_cap"];

    private static readonly (string Name, Func<SimulationParameters, double, SimulationParameters> Set, double Min, double Max)[] ParameterFields =
    [
        ("publicness", (p, v) => p with { Publicness = v }, 0, 1),
        ("threat_persistence", (p, v) => p with { ThreatPersistence = v }, 0, 1),
        ("threat_volatility", (p, v) => p with { ThreatVolatility = v }, 0, 2),
        ("threat_elasticity", (p, v) => p with { ThreatElasticity = v }, 0, 10),
        ("pledge_pull", (p, v) => p with { PledgePull = v }, 0, 100),
        ("transactional_pressure", (p, v) => p with { TransactionalPressure = v }, 0, 100),
        ("belief_memory", (p, v) => p with { BeliefMemory = v }, 1e-9, 1),
        ("multilateral_credibility", (p, v) => p with { MultilateralCredibility = v }, 1e-9, 1 - 1e-9),
        ("transactional_credibility", (p, v) => p with { TransactionalCredibility = v }, 1e-9, 1 - 1e-9),
        ("entrapment_memory", (p, v) => p with { EntrapmentMemory = v }, 0, 1),
        ("hedging_discount", (p, v) => p with { HedgingDiscount = v }, 0, 1),
        ("security_value", (p, v) => p with { SecurityValue = v }, 0, 100),
        ("autonomy_cost", (p, v) => p with { AutonomyCost = v }, 0, 100),
        ("demand_cost", (p, v) => p with { DemandCost = v }, 0, 100),
        ("entrapment_cost", (p, v) => p with { EntrapmentCost = v }, 0, 100),
        ("base_hazard", (p, v) => p with { BaseHazard = v }, 0, 10),
        ("hazard_shape", (p, v) => p with { HazardShape = v }, 0.1, 10),
        ("hazard_reference_age", (p, v) => p with { HazardReferenceAge = v }, 1, 500),
        ("net_benefit_effect", (p, v) => p with { NetBenefitEffect = v }, 0, 100),
        ("exit_hazard_ratio", (p, v) => p with { ExitHazardRatio = v }, 0, 100),
        ("self_help_factor", (p, v) => p with { SelfHelpFactor = v }, 0, 10),
        ("beta_power_change", (p, v) => p with { PowerChangeEffect = v }, -1000, 1000),
        ("beta_regime_change", (p, v) => p with { RegimeChangeEffect = v }, -20, 20),
        ("beta_outside_alliance", (p, v) => p with { OutsideAllianceEffect = v }, -20, 20),
        ("beta_democracy", (p, v) => p with { DemocracyEffect = v }, -20, 20),
        ("beta_issue_linkage", (p, v) => p with { IssueLinkageEffect = v }, -20, 20),
        ("beta_threat", (p, v) => p with { ThreatHazardEffect = v }, -20, 20),
        ("beta_asymmetric", (p, v) => p with { AsymmetryEffect = v }, -20, 20),
        ("treaty_spillover", (p, v) => p with { TreatySpillover = v }, 0, 1),
    ];

    /// <summary>The key of shock <paramref name="index"/> (0-based) in <see cref="Scenario.Lines"/>: the line of its targets.</summary>
    public static string ShockKey(int index) => $"shocks[{index}]";

    /// <summary>Parses and validates a scenario.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="file">The file's name, for messages.</param>
    /// <exception cref="LinchpinException">The scenario is malformed or a value is out of range; the message names file, line and field.</exception>
    public static Scenario Parse(string text, string file)
    {
        var input = InputReader.Load(text, file);
        var root = input.Root;
        input.AllowOnly(root, TopFields);
        var name = input.String(root, "name");
        var start = Whole(input, root, "start", 1816, 2100) ?? throw input.Error(root, "start", "is missing");
        var lines = new Dictionary<string, long>(StringComparer.Ordinal) { ["start"] = InputReader.Find(root, "start")!.Start.Line };
        var years = Whole(input, root, "years", 1, 200) ?? throw input.Error(root, "years", "is missing");
        var patronNode = input.Mapping(input.Required(root, "patron"), "patron");
        input.AllowOnly(patronNode, "iso3", "gdp", "pct_gdp", "growth", "reach");
        lines["patron"] = input.Required(patronNode, "iso3").Start.Line;
        var patron = new PatronSpec(Code(input, patronNode, "iso3"), Optional(input, patronNode, "gdp", 1e-9, double.MaxValue),
            Optional(input, patronNode, "pct_gdp", 1e-9, 100), Number(input, patronNode, "growth", 0.02, -0.5, 0.5), Number(input, patronNode, "reach", 0.3, 0, 1));

        var defaults = new AllySpec("*", Growth: 0.02, Theatre: "main", Belief: 0.75, AllianceAge: 30, OutsideOption: 0.3);
        if (InputReader.Find(root, "defaults") is { } defaultsNode)
        {
            var map = input.Mapping(defaultsNode, "defaults");
            input.AllowOnly(map, DefaultFields);
            defaults = defaults with
            {
                Growth = Number(input, map, "growth", 0.02, -0.5, 0.5),
                Theatre = input.OptionalString(map, "theatre") ?? "main",
                Belief = Number(input, map, "belief", 0.75, 1e-6, 1 - 1e-6),
                AllianceAge = Number(input, map, "alliance_age", 30, 0, 500),
                OutsideOption = Number(input, map, "outside_option", 0.3, -100, 100),
                Democracy = OptionalBool(input, map, "democracy"),
                IssueLinkage = OptionalBool(input, map, "issue_linkage"),
                Asymmetric = OptionalBool(input, map, "asymmetric"),
            };
        }

        var theatres = new Dictionary<string, string>(StringComparer.Ordinal);
        if (InputReader.Find(root, "theatres") is { } theatresNode)
        {
            foreach (var (key, value) in input.Mapping(theatresNode, "theatres").Children)
            {
                var theatre = input.Scalar(key, "theatres");
                if (value is not YamlSequenceNode codes)
                {
                    throw input.Error(value, $"theatres.{theatre}", "expected a list of ISO3 codes");
                }

                foreach (var code in codes.Children)
                {
                    theatres[Iso3(input, code, $"theatres.{theatre}")] = theatre;
                }
            }
        }

        var allies = new List<AllySpec>();
        if (InputReader.Find(root, "allies") is not null)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var node in input.Sequence(root, "allies").Children)
            {
                var map = input.Mapping(node, "allies");
                input.AllowOnly(map, AllyFields);
                var iso3 = Code(input, map, "iso3");
                if (!seen.Add(iso3))
                {
                    throw input.Error(map, "iso3", $"ally '{iso3}' appears twice");
                }

                if (iso3 == patron.Iso3)
                {
                    throw input.Error(input.Required(map, "iso3"), "iso3", $"'{iso3}' is the patron; an ally must be another state");
                }

                lines[iso3] = input.Required(map, "iso3").Start.Line;

                allies.Add(new AllySpec(iso3, Optional(input, map, "gdp", 1e-9, double.MaxValue), Optional(input, map, "pct_gdp", 1e-9, 99),
                    Optional(input, map, "growth", -0.5, 0.5), input.OptionalString(map, "theatre"), Optional(input, map, "belief", 1e-6, 1 - 1e-6),
                    Optional(input, map, "troops", 0, 1e4), Optional(input, map, "alliance_age", 0, 500), Optional(input, map, "outside_option", -100, 100),
                    InputReader.Find(map, "cost_sharing") is { } deal ? Deal(input, input.Mapping(deal, "cost_sharing"), start) : null,
                    OptionalBool(input, map, "democracy"), OptionalBool(input, map, "issue_linkage"), OptionalBool(input, map, "asymmetric"),
                    Treaty(input, map, iso3, lines)));
            }
        }

        var natoAllies = InputReader.Find(root, "nato_allies") is { } natoNode && Bool(input, natoNode, "nato_allies");
        var allowMixedBasis = InputReader.Find(root, "allow_mixed_basis") is { } mixedNode && Bool(input, mixedNode, "allow_mixed_basis");
        if (!natoAllies && allies.Count == 0)
        {
            throw input.Error(root, "allies", "a scenario needs allies: list them, or set nato_allies: true");
        }

        var doctrine = ParseDoctrine(input, input.Mapping(input.Required(root, "doctrine"), "doctrine"), start, years);
        var shocks = new List<ShockSetup>();
        if (InputReader.Find(root, "shocks") is not null)
        {
            foreach (var node in input.Sequence(root, "shocks").Children)
            {
                var map = input.Mapping(node, "shocks");
                shocks.Add(Shock(input, map, start, years));
                lines[ShockKey(shocks.Count - 1)] = input.Required(map, "targets").Start.Line;
            }
        }

        var parameters = new SimulationParameters();
        var warnings = new List<string>();
        if (InputReader.Find(root, "parameters") is { } parametersNode)
        {
            var map = input.Mapping(parametersNode, "parameters");
            input.AllowOnly(map, [.. ParameterFields.Select(f => f.Name), "covariate_window"]);
            foreach (var (field, set, min, max) in ParameterFields)
            {
                if (Optional(input, map, field, min, max) is { } value)
                {
                    parameters = set(parameters, value);
                }
            }

            if (Whole(input, map, "covariate_window", 1, 50) is { } window)
            {
                parameters = parameters with { CovariateWindow = window };
            }

            foreach (var (field, sign, source) in CovariateSigns)
            {
                if (InputReader.Find(map, field) is { } node && input.AsNumber(node, field) is var value && value * sign < 0)
                {
                    warnings.Add(input.Error(node, $"parameters.{field}",
                        $"{value.ToString(CultureInfo.InvariantCulture)} has the opposite sign to the literature's ({(sign > 0 ? "positive" : "negative")}: {source})").Message);
                }
            }
        }

        return new Scenario(name, input.OptionalString(root, "title") ?? name, input.OptionalString(root, "description") ?? "", start, years, patron,
            natoAllies, input.OptionalString(root, "nato_edition"), allies, defaults, theatres, doctrine, shocks, parameters, text, warnings, file, lines,
            allowMixedBasis);
    }

    private static Doctrine ParseDoctrine(InputReader input, YamlMappingNode map, int start, int years)
    {
        input.AllowOnly(map, "transactional", "fair_share_target", "pledge", "changes");
        var tau = Number(input, map, "transactional", double.NaN, 0, 1);
        if (double.IsNaN(tau))
        {
            throw input.Error(map, "transactional", "is missing");
        }

        var changes = new List<DoctrineChange>();
        if (InputReader.Find(map, "changes") is not null)
        {
            foreach (var node in input.Sequence(map, "changes").Children)
            {
                var change = input.Mapping(node, "changes");
                input.AllowOnly(change, "year", "transactional");
                var year = Whole(input, change, "year", start + 1, start + years) ?? throw input.Error(change, "year", "is missing");
                changes.Add(new DoctrineChange(year, Number(input, change, "transactional", double.NaN, 0, 1) is var t && double.IsNaN(t)
                    ? throw input.Error(change, "transactional", "is missing") : t));
            }
        }

        var pledge = InputReader.Find(map, "pledge") is { } pledgeNode && Bool(input, pledgeNode, "pledge");
        return new Doctrine(tau, Number(input, map, "fair_share_target", 0, 0, 50), pledge, changes);
    }

    private static ShockSetup Shock(InputReader input, YamlMappingNode map, int start, int years)
    {
        input.AllowOnly(map, "kind", "year", "probability", "targets", "threat_jump", "signal", "entrapment", "label");
        var kindText = input.String(map, "kind");
        var kind = kindText switch
        {
            "missile-test" => ShockKind.MissileTest,
            "maritime-incident" => ShockKind.MaritimeIncident,
            "invasion" => ShockKind.Invasion,
            "withheld-reaffirmation" => ShockKind.WithheldReaffirmation,
            "reaffirmation" => ShockKind.Reaffirmation,
            "regime-change" => ShockKind.RegimeChange,
            "outside-alliance" => ShockKind.OutsideAlliance,
            _ => throw input.Error(input.Required(map, "kind"), "kind",
                $"'{kindText}' is not one of missile-test, maritime-incident, invasion, withheld-reaffirmation, reaffirmation, regime-change, outside-alliance"),
        };
        var year = Whole(input, map, "year", start + 1, start + years);
        var probability = Optional(input, map, "probability", 0, 1);
        if (year is null == probability is null)
        {
            throw input.Error(map, "year", "give either a year (scheduled) or a probability (stochastic), not both or neither");
        }

        var targets = input.Sequence(map, "targets").Children.Select(n => input.Scalar(n, "targets")).ToList();
        if (targets.Count == 0)
        {
            throw input.Error(input.Required(map, "targets"), "targets", "needs at least one theatre or ISO3 code ('all' for every ally)");
        }

        var (jump, signal, entrapment) = ShockSetup.Defaults(kind);
        return new ShockSetup(kind, year, probability ?? 0, targets, Number(input, map, "threat_jump", jump, -5, 5), Number(input, map, "signal", signal, -100, 100),
            Number(input, map, "entrapment", entrapment, 0, 10), input.OptionalString(map, "label") ?? kindText);
    }

    private static CostSharingSetup Deal(InputReader input, YamlMappingNode map, int start)
    {
        input.AllowOnly(map, DealFields);
        double Required(string field, double min, double max) =>
            Optional(input, map, field, min, max) ?? throw input.Error(map, field, "is missing");
        return new CostSharingSetup(input.String(map, "currency"), Required("payment", 0, 1e12),
            Whole(input, map, "expires", start + 1, start + 200) ?? throw input.Error(map, "expires", "is missing"),
            Whole(input, map, "term", 1, 50) ?? throw input.Error(map, "term", "is missing"),
            Required("patron_value", -1e12, 1e12), Required("stationing_cost", 0, 1e12), Required("host_value", -1e12, 1e12),
            Required("withdrawal_saving", 0, 1e12), Required("strategic_loss", 0, 1e12), Required("self_help_cost", 0, 1e12),
            Required("patron_demand", 0, 1e12), Number(input, map, "lapse_risk", 0.1, 0, 0.99), Number(input, map, "uncertainty", 0.1, 0, 2),
            Indexation(input, map), Number(input, map, "index_rate", 0, -0.5, 0.5), Optional(input, map, "index_cap", -0.5, 1));
    }

    /// <summary>An ally's treaty: an ATOP alliance id (checked against the data when the scenario is resolved), its line kept as <c>ISO3.treaty</c>.</summary>
    private static int? Treaty(InputReader input, YamlMappingNode map, string iso3, Dictionary<string, long> lines)
    {
        if (InputReader.Find(map, "treaty") is not { } node)
        {
            return null;
        }

        lines[iso3 + ".treaty"] = node.Start.Line;
        return Whole(input, map, "treaty", 1, 99_999);
    }

    private static PaymentIndexation Indexation(InputReader input, YamlMappingNode map)
    {
        var text = input.OptionalString(map, "indexation") ?? "none";
        var indexation = text switch
        {
            "none" => PaymentIndexation.None,
            "defence-budget" => PaymentIndexation.DefenceBudget,
            "rate" => PaymentIndexation.Rate,
            _ => throw input.Error(InputReader.Find(map, "indexation")!, "indexation", $"'{text}' is not one of none, defence-budget, rate"),
        };
        return indexation != PaymentIndexation.Rate && InputReader.Find(map, "index_rate") is { } rate
            ? throw input.Error(rate, "index_rate", "applies only with indexation: rate")
            : indexation;
    }

    private static double Number(InputReader input, YamlMappingNode map, string field, double fallback, double min, double max) =>
        Optional(input, map, field, min, max) ?? fallback;

    private static double? Optional(InputReader input, YamlMappingNode map, string field, double min, double max)
    {
        if (InputReader.Find(map, field) is not { } node)
        {
            return null;
        }

        var value = input.AsNumber(node, field);
        return value >= min && value <= max
            ? value
            : throw input.Error(node, field, $"{value.ToString(CultureInfo.InvariantCulture)} is outside [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]");
    }

    private static int? Whole(InputReader input, YamlMappingNode map, string field, int min, int max)
    {
        var value = input.WholeNumber(map, field);
        return value is null || (value >= min && value <= max)
            ? value
            : throw input.Error(InputReader.Find(map, field)!, field, $"{value} is outside [{min}, {max}]");
    }

    private static bool? OptionalBool(InputReader input, YamlMappingNode map, string field) =>
        InputReader.Find(map, field) is { } node ? Bool(input, node, field) : null;

    private static bool Bool(InputReader input, YamlNode node, string field) => input.Scalar(node, field) switch
    {
        "true" => true,
        "false" => false,
        var other => throw input.Error(node, field, $"'{other}' is not true or false"),
    };

    private static string Code(InputReader input, YamlMappingNode map, string field) => Iso3(input, input.Required(map, field), field);

    private static string Iso3(InputReader input, YamlNode node, string field)
    {
        var code = input.Scalar(node, field);
        return code.Length == 3 && code.All(char.IsAsciiLetterUpper) ? code : throw input.Error(node, field, $"'{code}' is not an ISO3 code (three capital letters)");
    }
}
