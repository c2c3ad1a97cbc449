namespace Linchpin.Simulation;

/// <summary>The scenario's rivals, demands and ally pairs as indices into the allies, shared by every run.</summary>
internal sealed class ActorTables
{
    internal ActorTables(SimulationSetup setup, EngineTables tables)
    {
        var allies = setup.Allies;
        var n = allies.Count;
        int Index(string iso3, string what) =>
            allies.Select((a, i) => (a, i)).FirstOrDefault(x => x.a.Iso3 == iso3) is { a: not null } found
                ? found.i
                : throw new ArgumentException($"{what}: '{iso3}' is not an ally of the setup", nameof(setup));

        Rivals = [.. setup.Rivals ?? []];
        RivalFaces = [.. Rivals.Select(r => allies.Select(a => RivalReactions.Faces(r, a)).ToArray())];
        RivalCredibility0 = new double[Rivals.Length];
        for (var r = 0; r < Rivals.Length; r++)
        {
            var faced = Enumerable.Range(0, n).Where(i => RivalFaces[r][i]).ToList();
            if (faced.Count == 0)
            {
                throw new ArgumentException($"rival {Rivals[r].Name}: no ally is in its theatres", nameof(setup));
            }

            RivalCredibility0[r] = faced.Average(i => tables.Belief0[i]);
        }

        // Pairs: those the setup names, then any a friction shock names.
        var pairs = new List<(int First, int Second, double Level)>();
        foreach (var f in setup.Frictions ?? [])
        {
            pairs.Add((Index(f.First, "friction"), Index(f.Second, "friction"), f.Level));
        }

        ShockPair = new int[setup.Shocks.Count];
        for (var s = 0; s < setup.Shocks.Count; s++)
        {
            ShockPair[s] = -1;
            var shock = setup.Shocks[s];
            if (shock.Kind != ShockKind.Friction)
            {
                continue;
            }

            if (shock.Targets.Count != 2)
            {
                throw new ArgumentException($"a friction shock targets two allies, not {shock.Targets.Count}", nameof(setup));
            }

            var (a, b) = (Index(shock.Targets[0], "friction shock"), Index(shock.Targets[1], "friction shock"));
            var k = pairs.FindIndex(x => (x.First == a && x.Second == b) || (x.First == b && x.Second == a));
            if (k < 0)
            {
                pairs.Add((a, b, 0));
                k = pairs.Count - 1;
            }

            ShockPair[s] = k;
        }

        PairFirst = [.. pairs.Select(x => x.First)];
        PairSecond = [.. pairs.Select(x => x.Second)];
        Friction0 = [.. pairs.Select(x => x.Level)];

        Demands = [.. setup.Demands ?? []];
        DemandAlly = [.. Demands.Select(d => Index(d.Ally, $"demand {d.Id}"))];
        DemandPartner = [.. Demands.Select(d => d.Partner is { } partner ? Index(partner, $"demand {d.Id}") : -1)];
        DemandRival = [.. Demands.Select(d => d.Rival is { } rival
            ? Array.FindIndex(Rivals, r => r.Name == rival) is var k && k >= 0 ? k : throw new ArgumentException($"demand {d.Id}: no rival '{rival}'", nameof(setup))
            : -1)];
        DemandPair = [.. Demands.Select((d, k) => DemandPartner[k] < 0 ? -1
            : pairs.FindIndex(x => (x.First == DemandAlly[k] && x.Second == DemandPartner[k]) || (x.Second == DemandAlly[k] && x.First == DemandPartner[k])))];
    }

    internal RivalSetup[] Rivals { get; }

    /// <summary>Whether each rival faces each ally, <c>[r][i]</c>.</summary>
    internal bool[][] RivalFaces { get; }

    /// <summary>The mean start-year belief of the allies each rival faces.</summary>
    internal double[] RivalCredibility0 { get; }

    internal int[] PairFirst { get; }

    internal int[] PairSecond { get; }

    internal double[] Friction0 { get; }

    /// <summary>The pair a friction shock touches, or −1.</summary>
    internal int[] ShockPair { get; }

    internal DemandSetup[] Demands { get; }

    internal int[] DemandAlly { get; }

    internal int[] DemandPartner { get; }

    internal int[] DemandRival { get; }

    /// <summary>The friction pair of a demand's host and partner, or −1.</summary>
    internal int[] DemandPair { get; }
}
