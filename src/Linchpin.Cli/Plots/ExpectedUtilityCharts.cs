using Linchpin.Games.ExpectedUtility;
using ScottPlot;

namespace Linchpin.Cli.Plots;

/// <summary>The group decision picture: each actor's position by round, with the median-voter forecast.</summary>
internal static class ExpectedUtilityCharts
{
    /// <summary>One line per actor (round 0 is the starting position) and the forecast as a dashed line.</summary>
    public static Plot Positions(DecisionResult result, string? title)
    {
        var plot = new Plot();
        var rounds = Enumerable.Range(0, result.Rounds.Count + 1).Select(r => (double)r).ToArray();
        var palette = new ScottPlot.Palettes.Category10();
        for (var i = 0; i < result.Actors.Count; i++)
        {
            var path = result.Rounds.Select(r => r.Positions[i]).Append(result.FinalPositions[i]).ToArray();
            var line = plot.Add.Scatter(rounds, path);
            line.Color = palette.GetColor(i);
            line.LineWidth = 2;
            line.MarkerSize = 5;
            line.LegendText = result.Actors[i].Name;
        }

        var median = result.Rounds.Select(r => r.Median.Position).Append(result.Forecast.Position).ToArray();
        var forecast = plot.Add.Scatter(rounds, median);
        forecast.Color = Colors.Black;
        forecast.LineWidth = 3;
        forecast.LinePattern = LinePattern.Dashed;
        forecast.MarkerSize = 0;
        forecast.LegendText = "median-voter forecast";
        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        plot.Title(title ?? "Expected-utility group decision");
        plot.XLabel("round (0: starting positions)");
        plot.YLabel("position");
        BurdenCharts.YearAxis(plot);
        plot.Axes.Margins(bottom: 0.05, top: 0.1);
        return plot;
    }
}
