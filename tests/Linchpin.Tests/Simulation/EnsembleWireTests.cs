using System.Globalization;
using Linchpin.Data;
using Linchpin.Simulation;

namespace Linchpin.Tests.Simulation;

public class EnsembleWireTests
{
    private static readonly Lazy<SimulationEngine> Engine = new(() =>
    {
        var deal = new CostSharingSetup("KRW bn", 1038.9, 2015, 5, 3000, 2000, 2000, 1500, 1000, 2500, 5800);
        return new SimulationEngine(SimulationEngineTests.Setup(new SimulationParameters(BaseHazard: 0.15), new Doctrine(0.8, 2, true, [new DoctrineChange(2017, 0.3)]),
            [new ShockSetup(ShockKind.MaritimeIncident, null, 0.4, ["korea"], 0.08, 1, 0.1, "incident")], years: 5, deal: deal));
    });

    private static string Csv(EnsembleResult result) =>
        string.Join("\n", SimulationOutput.SummaryRows(result).Select(r => string.Join(",", r.Select(v => v switch
        {
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            null => "",
            _ => Convert.ToString(v, CultureInfo.InvariantCulture),
        }))));

    public class Setups
    {
        [Fact]
        public void A_setup_read_back_writes_the_same_text_and_runs_the_same_values()
        {
            var setup = Engine.Value.Setup;
            var text = EnsembleWire.WriteSetup(setup);
            var copy = EnsembleWire.ReadSetup(text);
            Assert.Equal(text, EnsembleWire.WriteSetup(copy));
            var (a, b) = (Engine.Value.NewBuffer(), new SimulationEngine(copy).NewBuffer());
            Engine.Value.Run(5, 17, a);
            new SimulationEngine(copy).Run(5, 17, b);
            Assert.Equal(a.Values, b.Values);
        }

        [Fact]
        public void Text_that_is_not_a_setup_is_refused()
        {
            Assert.Throws<InvalidDataException>(() => EnsembleWire.ReadSetup("{\"Name\": 3"));
        }
    }

    public class Summaries
    {
        [Theory]
        [InlineData(7, false)]
        [InlineData(13, true)]
        [InlineData(64, true)]
        public void Batches_made_on_a_copy_of_the_engine_and_read_back_merge_to_the_local_bytes(int batch, bool small)
        {
            const int Runs = 150;
            var engine = Engine.Value;
            var limits = small ? new EnsembleLimits(400, 25) : EnsembleLimits.Default;
            var local = Ensemble.Run(engine, Runs, 11, threads: 2, limits: limits, cancellation: TestContext.Current.CancellationToken);

            // The "remote" side: an engine rebuilt from the setup's bytes, passes rebuilt from theirs.
            var remote = new SimulationEngine(EnsembleWire.ReadSetup(EnsembleWire.WriteSetup(engine.Setup)));
            EnsembleSummary Pass(EnsemblePass pass)
            {
                var copy = EnsembleWire.ReadPass(remote, EnsembleWire.WritePass(pass));
                var merged = new EnsembleSummary(pass);
                for (long from = 0; from < pass.Runs; from += batch)
                {
                    var part = Ensemble.Summarize(copy, 11, from, Math.Min(pass.Runs, from + batch), cancellation: TestContext.Current.CancellationToken);
                    merged.Merge(EnsembleWire.ReadSummary(pass, EnsembleWire.WriteSummary(part)));
                }

                return merged;
            }

            var pilot = EnsemblePass.NeedsPilot(engine, Runs, limits) ? Pass(EnsemblePass.Pilot(engine, Runs, limits)) : null;
            var summary = Pass(EnsemblePass.Start(engine, Runs, pilot, limits));
            var passes = 1;
            while (summary.Next() is { } next)
            {
                summary = Pass(next);
                passes++;
            }

            Assert.Equal(small, passes > 1);
            var result = summary.Result(11);
            Assert.Equal(Csv(local), Csv(result));
            var read = EnsembleWire.ReadResult(engine, EnsembleWire.WriteResult(result));
            Assert.Equal(Csv(local), Csv(read));
            Assert.Equal(local.KeptSettlements, read.KeptSettlements);
        }

        [Fact]
        public void A_summary_of_another_pass_or_cut_short_is_refused()
        {
            var engine = Engine.Value;
            var limits = new EnsembleLimits(400, 25);
            var pilot = EnsemblePass.Pilot(engine, 150, limits);
            var bytes = EnsembleWire.WriteSummary(Ensemble.Summarize(pilot, 1, 0, 10, cancellation: TestContext.Current.CancellationToken));
            var whole = EnsemblePass.Start(engine, 20);
            Assert.Throws<InvalidDataException>(() => EnsembleWire.ReadSummary(whole, bytes));
            Assert.Throws<InvalidDataException>(() => EnsembleWire.ReadSummary(pilot, bytes[..^3]));
            Assert.Throws<InvalidDataException>(() => EnsembleWire.ReadResult(engine, bytes));
        }
    }
}
