using Linchpin.Validation;
using ScottPlot;

namespace Linchpin.Cli.Plots;

/// <summary>The validation pictures: the tornado chart of a sensitivity analysis.</summary>
internal static class ValidationCharts
{
    /// <summary>
    /// A tornado chart of one output: one horizontal bar per factor, largest on top — the total
    /// index (light) with the first-order index inside it (dark) and the total's bootstrap interval
    /// for Sobol; μ* with its interval for Morris.
    /// </summary>
    public static Plot Tornado(SensitivityResult result, OutputSensitivity output)
    {
        var plot = new Plot();
        var names = result.Factors.Select(f => f.Name).ToList();
        if (output.Sobol is { } sobol)
        {
            var order = sobol.Indices.OrderBy(i => i.Total).ToList();
            var total = plot.Add.Bars(order.Select((index, k) => new Bar
            {
                Position = k,
                Value = index.Total,
                FillColor = Colors.SteelBlue.WithAlpha(0.35),
            }).ToList());
            total.Horizontal = true;
            total.LegendText = "total index ST (Jansen 1999); line: bootstrap 95 %";
            var first = plot.Add.Bars(order.Select((index, k) => new Bar { Position = k, Value = Math.Max(0, index.FirstOrder), Size = 0.4, FillColor = Colors.SteelBlue }).ToList());
            first.Horizontal = true;
            first.LegendText = "first-order index S1 (Saltelli 2010)";
            Intervals(plot, [.. order.Select(i => (i.TotalLow, i.TotalHigh))]);
            plot.Axes.Left.SetTicks([.. Enumerable.Range(0, order.Count).Select(i => (double)i)], [.. order.Select(i => names[i.Factor])]);
            plot.XLabel("share of the output's variance");
        }
        else if (output.Morris is { } morris)
        {
            var order = morris.OrderBy(i => i.MuStar).ToList();
            var bars = plot.Add.Bars(order.Select((index, k) => new Bar
            {
                Position = k,
                Value = index.MuStar,
                FillColor = Colors.DarkOrange,
            }).ToList());
            bars.Horizontal = true;
            bars.LegendText = "μ* (Campolongo et al. 2007); line: bootstrap 95 %";
            Intervals(plot, [.. order.Select(i => (i.MuStarLow, i.MuStarHigh))]);
            plot.Axes.Left.SetTicks([.. Enumerable.Range(0, order.Count).Select(i => (double)i)], [.. order.Select(i => names[i.Factor])]);
            plot.XLabel("mean absolute elementary effect, output units per whole prior range");
        }

        plot.ShowLegend(ScottPlot.Alignment.LowerRight);
        plot.Title($"{result.Subject}: {output.Output} ({result.Method}, N = {result.Samples}, {result.Seeds} runs per point)");
        plot.Axes.Margins(left: 0, right: 0.1, bottom: 0.02, top: 0.02);
        return plot;
    }

    /// <summary>Draws each bar's interval as a horizontal line from its low to its high end.</summary>
    private static void Intervals(Plot plot, IReadOnlyList<(double Low, double High)> intervals)
    {
        for (var k = 0; k < intervals.Count; k++)
        {
            var (low, high) = intervals[k];
            if (double.IsFinite(low) && double.IsFinite(high))
            {
                var line = plot.Add.Line(low, k, high, k);
                line.Color = Colors.Black;
                line.LineWidth = 1.5f;
            }
        }
    }
}
