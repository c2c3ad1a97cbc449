using Linchpin.Games.Input;
using Linchpin.Simulation;
using YamlDotNet.RepresentationModel;

namespace Linchpin.Scenarios;

/// <summary>The scenario file's actors beyond the allies: rivals, the patron's demands, friction between allies, and the sources.</summary>
public static partial class ScenarioFile
{
    private static readonly string[] RivalFields = ["name", "theatres", "base_rate", "threat_jump", "entrapment", "background", "label"];

    private static readonly string[] DemandFields =
        ["id", "kind", "ally", "year", "patron_value", "autonomy_cost", "entrapment", "domestic_cost", "linked", "partner", "rival", "label"];

    private static (List<RivalSetup> Rivals, List<DemandSetup> Demands, List<FrictionSetup> Frictions, List<string> Sources) ScenarioActors(
        InputReader input, YamlMappingNode root, int start, int years, Dictionary<string, long> lines)
    {
        var sources = InputReader.Find(root, "sources") is null ? [] : input.Sequence(root, "sources").Children.Select(n => input.Scalar(n, "sources")).ToList();
        var rivals = new List<RivalSetup>();
        if (InputReader.Find(root, "rivals") is not null)
        {
            foreach (var node in input.Sequence(root, "rivals").Children)
            {
                var map = input.Mapping(node, "rivals");
                input.AllowOnly(map, RivalFields);
                var name = input.String(map, "name");
                if (rivals.Any(r => r.Name == name))
                {
                    throw input.Error(map, "name", $"rival '{name}' appears twice");
                }

                lines["rival:" + name] = input.Required(map, "name").Start.Line;
                lines["rival:" + name + ".theatres"] = input.Required(map, "theatres").Start.Line;
                var theatres = input.Sequence(map, "theatres").Children.Select(n => input.Scalar(n, "theatres")).ToList();
                if (theatres.Count == 0)
                {
                    throw input.Error(input.Required(map, "theatres"), "theatres", "a rival needs at least one theatre (or ISO3 code) it probes");
                }

                rivals.Add(new RivalSetup(name, theatres, Number(input, map, "base_rate", 0.5, 0, 50), Number(input, map, "threat_jump", 0.1, -5, 5),
                    Number(input, map, "entrapment", 0.05, 0, 10), OptionalBool(input, map, "background") ?? false, input.OptionalString(map, "label") ?? name));
            }
        }

        var demands = new List<DemandSetup>();
        if (InputReader.Find(root, "demands") is not null)
        {
            foreach (var node in input.Sequence(root, "demands").Children)
            {
                demands.Add(Demand(input, input.Mapping(node, "demands"), start, years, rivals, demands, lines));
            }
        }

        var frictions = new List<FrictionSetup>();
        if (InputReader.Find(root, "frictions") is not null)
        {
            foreach (var node in input.Sequence(root, "frictions").Children)
            {
                var map = input.Mapping(node, "frictions");
                input.AllowOnly(map, "between", "level");
                var pair = input.Sequence(map, "between").Children.Select(n => Iso3(input, n, "between")).ToList();
                if (pair.Count != 2 || pair[0] == pair[1])
                {
                    throw input.Error(input.Required(map, "between"), "between", "friction is between two different allies");
                }

                lines[$"friction:{pair[0]}-{pair[1]}"] = input.Required(map, "between").Start.Line;
                frictions.Add(new FrictionSetup(pair[0], pair[1], Number(input, map, "level", 0, 0, 1)));
            }
        }

        return (rivals, demands, frictions, sources);
    }

    private static DemandSetup Demand(InputReader input, YamlMappingNode map, int start, int years, List<RivalSetup> rivals, List<DemandSetup> demands, Dictionary<string, long> lines)
    {
        input.AllowOnly(map, DemandFields);
        var id = input.String(map, "id");
        if (demands.Any(d => d.Id == id))
        {
            throw input.Error(map, "id", $"demand '{id}' appears twice");
        }

        lines["demand:" + id] = input.Required(map, "ally").Start.Line;
        var kindText = input.String(map, "kind");
        var kind = kindText switch
        {
            "coalition" => DemandKind.Coalition,
            "missile-basing" => DemandKind.MissileBasing,
            "intelligence-sharing" => DemandKind.IntelligenceSharing,
            "command-arrangement" => DemandKind.CommandArrangement,
            "arms-purchase" => DemandKind.ArmsPurchase,
            _ => throw input.Error(input.Required(map, "kind"), "kind",
                $"'{kindText}' is not one of coalition, missile-basing, intelligence-sharing, command-arrangement, arms-purchase"),
        };
        var rival = input.OptionalString(map, "rival");
        if (rival is not null && rivals.All(r => r.Name != rival))
        {
            throw input.Error(InputReader.Find(map, "rival")!, "rival", $"'{rival}' is not a rival of the scenario (list it under rivals first)");
        }

        string? partner = null;
        if (InputReader.Find(map, "partner") is { } partnerNode)
        {
            partner = Iso3(input, partnerNode, "partner");
            lines["demand:" + id + ".partner"] = partnerNode.Start.Line;
        }

        return new DemandSetup(id, kind, Code(input, map, "ally"),
            Whole(input, map, "year", start + 1, start + years) ?? throw input.Error(map, "year", "is missing"),
            Number(input, map, "patron_value", 0.5, 0, 100), Number(input, map, "autonomy_cost", 0.2, 0, 100), Number(input, map, "entrapment", 0, 0, 100),
            Number(input, map, "domestic_cost", 0, 0, 100), OptionalBool(input, map, "linked") ?? false, partner, rival, input.OptionalString(map, "label") ?? id);
    }
}
