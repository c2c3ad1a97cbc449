using System.Globalization;
using ScottPlot;

namespace Linchpin.Cli.Plots;

/// <summary>One band of a fan chart: the median over runs and the 5–95 % band, by year.</summary>
/// <param name="Label">Legend text.</param>
/// <param name="Color">Line and band colour.</param>
/// <param name="Pattern">Line pattern of the median.</param>
/// <param name="Years">Calendar years.</param>
/// <param name="Median">Median per year.</param>
/// <param name="Low">5th percentile per year.</param>
/// <param name="High">95th percentile per year.</param>
internal sealed record FanSeries(string Label, Color Color, LinePattern Pattern, double[] Years, double[] Median, double[] Low, double[] High);

/// <summary>An observed path drawn over a fan chart.</summary>
/// <param name="Label">Legend text.</param>
/// <param name="Pattern">Line pattern (the ally's, as its fans).</param>
/// <param name="Years">Calendar years with an observation.</param>
/// <param name="Values">The observed values.</param>
internal sealed record ObservedSeries(string Label, LinePattern Pattern, double[] Years, double[] Values);

/// <summary>One distribution of a histogram.</summary>
/// <param name="Label">Legend text.</param>
/// <param name="Color">Bar colour.</param>
/// <param name="Values">The values.</param>
internal sealed record HistogramSeries(string Label, Color Color, IReadOnlyList<double> Values);

/// <summary>The simulation pictures: fan charts of trajectories and the distribution of a settlement.</summary>
internal static class SimulationCharts
{
    /// <summary>Median lines with shaded 5–95 % bands.</summary>
    public static Plot Fan(IReadOnlyList<FanSeries> series, string title, string yLabel, IReadOnlyList<ObservedSeries>? observed = null)
    {
        var plot = new Plot();
        foreach (var s in series)
        {
            var band = plot.Add.FillY(s.Years, s.Low, s.High);
            band.FillColor = s.Color.WithAlpha(0.15);
            band.LineWidth = 0;
        }

        foreach (var s in series)
        {
            var line = plot.Add.Scatter(s.Years, s.Median);
            line.Color = s.Color;
            line.LineWidth = 2.5f;
            line.LinePattern = s.Pattern;
            line.MarkerSize = 5;
            line.LegendText = s.Label;
        }

        foreach (var o in observed ?? [])
        {
            var line = plot.Add.Scatter(o.Years, o.Values);
            line.Color = Colors.Black;
            line.LineWidth = 1.5f;
            line.LinePattern = o.Pattern;
            line.MarkerSize = 7;
            line.MarkerShape = MarkerShape.FilledDiamond;
            line.LegendText = o.Label;
        }

        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        plot.Title(title);
        plot.XLabel("year (lines: median of the runs; shading: 5-95 % of the runs)");
        plot.YLabel(yLabel);
        BurdenCharts.YearAxis(plot);
        plot.Axes.Margins(bottom: 0.05, top: 0.3);
        return plot;
    }

    /// <summary>Overlaid histograms on common bins, with labelled reference lines.</summary>
    public static Plot Histogram(IReadOnlyList<HistogramSeries> series, IReadOnlyList<(double Value, string Label)> references, string title, string xLabel, int bins = 30)
    {
        var plot = new Plot();
        var all = series.SelectMany(s => s.Values).Concat(references.Select(r => r.Value)).ToList();
        var lo = all.Count > 0 ? all.Min() : 0;
        var hi = all.Count > 0 ? all.Max() : 1;
        var width = hi > lo ? (hi - lo) / bins : 1;
        foreach (var s in series)
        {
            var counts = new double[bins];
            foreach (var v in s.Values)
            {
                counts[Math.Clamp((int)((v - lo) / width), 0, bins - 1)]++;
            }

            var shares = counts.Select(c => s.Values.Count > 0 ? c / s.Values.Count : 0).ToArray();
            var bars = plot.Add.Bars(Enumerable.Range(0, bins).Select(k => lo + ((k + 0.5) * width)).ToArray(), shares);
            bars.Color = s.Color.WithAlpha(0.55);
            bars.LegendText = $"{s.Label} ({s.Values.Count} settled)";
            foreach (var bar in bars.Bars)
            {
                bar.Size = width;
                bar.LineWidth = 0;
            }
        }

        var patterns = new[] { LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed };
        foreach (var ((value, label), k) in references.Select((r, k) => (r, k)))
        {
            var line = plot.Add.VerticalLine(value);
            line.Color = Colors.Black;
            line.LinePattern = patterns[k % patterns.Length];
            line.LineWidth = 1.5f;
            line.LegendText = $"{label}: {value.ToString("N1", CultureInfo.InvariantCulture)}";
        }

        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel("share of the settled runs");
        plot.Axes.Margins(bottom: 0, top: 0.35);
        return plot;
    }
}
