using System.Globalization;
using Linchpin.Simulation;
using Linchpin.Validation;
using Orleans.Runtime.Placement;

namespace Linchpin.Cluster;

/// <summary>
/// Points of a sensitivity design to evaluate: the resolved setup, the priors (name, lower, upper,
/// source), the outputs, the runs per point and the run seed, and the points of the unit cube.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PointsTicket(string SetupJson, string[] Priors, string[] Outputs, int Seeds, ulong Seed, double[][] Points);

/// <summary>A worker that evaluates points of a sensitivity design (any activation on any silo).</summary>
public interface IPointsGrain : IGrainWithStringKey
{
    /// <summary>Per output its values at the points, then per output the run-noise variances (see <see cref="ScenarioEvaluation"/>).</summary>
    Task<double[][]> Evaluate(PointsTicket ticket);
}

internal sealed class PointsGrain : Grain, IPointsGrain
{
    public Task<double[][]> Evaluate(PointsTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);

        // Off the grain's turn, as batches of runs are.
        return Task.Run(() =>
        {
            var (setup, priors, outputs) = SensitivityPoints.Read(ticket);
            var evaluation = ScenarioEvaluator.Evaluate(setup, priors, ticket.Points, outputs, ticket.Seeds, ticket.Seed, Environment.ProcessorCount);
            return evaluation.Values.Concat(evaluation.NoiseVariance).ToArray();
        });
    }
}

/// <summary>
/// Evaluates a sensitivity design's points on a cluster: the points are split into ranges
/// (the unit of work), handed to workers placed on every active silo of the client's version, a
/// range whose call fails is handed out again, and the values are put back in point order, so the
/// analysis equals the local one whatever the split.
/// </summary>
public static class SensitivityPoints
{
    /// <summary>The ticket of some points.</summary>
    public static PointsTicket Ticket(SimulationSetup setup, IReadOnlyList<Prior> priors, IReadOnlyList<ScenarioOutput> outputs, int seeds, ulong seed, IReadOnlyList<double[]> points)
    {
        ArgumentNullException.ThrowIfNull(priors);
        ArgumentNullException.ThrowIfNull(outputs);
        return new PointsTicket(EnsembleWire.WriteSetup(setup),
            [.. priors.Select(p => string.Join('\u001f', p.Name, p.Lower.ToString("R", CultureInfo.InvariantCulture), p.Upper.ToString("R", CultureInfo.InvariantCulture), p.Source))],
            [.. outputs.Select(o => o.Name)], seeds, seed, [.. points]);
    }

    internal static (SimulationSetup Setup, IReadOnlyList<Prior> Priors, IReadOnlyList<ScenarioOutput> Outputs) Read(PointsTicket ticket)
    {
        var setup = EnsembleWire.ReadSetup(ticket.SetupJson);
        var priors = ticket.Priors.Select(text => text.Split('\u001f')).Select(f =>
            Prior.Create(f[0], double.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture), f[3], "sensitivity job")).ToList();
        return (setup, priors, ScenarioOutputs.Choose(setup, ticket.Outputs));
    }

    /// <summary>Evaluates <paramref name="points"/> in ranges of <paramref name="rangePoints"/> on the cluster, reporting the points done.</summary>
    /// <exception cref="LinchpinException">No silo of <paramref name="version"/> is active, or a range failed on every try.</exception>
    public static async Task<ScenarioEvaluation> EvaluateAsync(IClusterClient client, string version, SimulationSetup setup, IReadOnlyList<Prior> priors,
        IReadOnlyList<ScenarioOutput> outputs, int seeds, ulong seed, IReadOnlyList<double[]> points, int rangePoints, Action<int>? progress, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfLessThan(rangePoints, 1);
        var hosts = (await client.GetGrain<IManagementGrain>(0).GetDetailedHosts(true, cancellation).ConfigureAwait(false))
            .Where(h => SiloHost.VersionOf(h.SiloName) == version).Select(h => h.SiloAddress).ToList();
        if (hosts.Count == 0)
        {
            throw new LinchpinException(ErrorKind.Data, $"--cluster: no active silo runs Linchpin {version}");
        }

        var count = (points.Count + rangePoints - 1) / rangePoints;
        var results = new double[count][][];
        var pending = new Queue<int>(Enumerable.Range(0, count));
        var tries = new int[count];
        var running = new Dictionary<Task<double[][]>, int>();
        var done = 0;
        var next = 0;
        while (pending.Count > 0 || running.Count > 0)
        {
            // Two ranges per silo at a time: one computing, one on its way.
            while (pending.Count > 0 && running.Count < 2 * hosts.Count)
            {
                var range = pending.Dequeue();
                var from = range * rangePoints;
                var ticket = Ticket(setup, priors, outputs, seeds, seed, [.. points.Skip(from).Take(Math.Min(rangePoints, points.Count - from))]);
                RequestContext.Set(IPlacementDirector.PlacementHintKey, hosts[next++ % hosts.Count]);
                try
                {
                    running[client.GetGrain<IPointsGrain>($"points/{Guid.NewGuid():N}").Evaluate(ticket)] = range;
                }
                finally
                {
                    RequestContext.Remove(IPlacementDirector.PlacementHintKey);
                }
            }

            var finished = await Task.WhenAny(running.Keys).WaitAsync(cancellation).ConfigureAwait(false);
            var index = running[finished];
            running.Remove(finished);
            if (finished.IsCompletedSuccessfully)
            {
                results[index] = finished.Result;
                done += results[index][0].Length;
                progress?.Invoke(done);
            }
            else if (++tries[index] < 5)
            {
                // The worker's silo died or left: the range goes to another worker.
                pending.Enqueue(index);
            }
            else
            {
                throw new LinchpinException(ErrorKind.Data, $"--cluster: points {index * rangePoints}-{Math.Min(points.Count, (index + 1) * rangePoints) - 1} failed {tries[index]} times: {finished.Exception?.InnerException?.Message}");
            }
        }

        var values = outputs.Select((_, o) => results.SelectMany(r => r[o]).ToArray()).ToArray();
        var noise = outputs.Select((_, o) => results.SelectMany(r => r[outputs.Count + o]).ToArray()).ToArray();
        return new ScenarioEvaluation(values, noise);
    }
}
