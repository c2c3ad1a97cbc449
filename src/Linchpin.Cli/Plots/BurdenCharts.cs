using System.Globalization;
using Linchpin.Analysis;
using Linchpin.Data;
using ScottPlot;

namespace Linchpin.Cli.Plots;

/// <summary>The burden-sharing pictures: Olson–Zeckhauser scatter, members against targets, trends, the cost-sharing ledger.</summary>
internal static class BurdenCharts
{
    public const int Width = 1000;
    public const int Height = 640;

    /// <summary>Burden (% of GDP) against GDP on a log scale, each ally labelled, with the OLS line.</summary>
    public static Plot Exploitation(ExploitationResult result, string title, string gdpLabel)
    {
        var plot = new Plot();
        var xs = result.Members.Select(m => Math.Log10(m.Gdp)).ToArray();
        var ys = result.Members.Select(m => m.PctGdp).ToArray();
        var points = plot.Add.ScatterPoints(xs, ys);
        points.MarkerSize = 8;
        for (var i = 0; i < xs.Length; i++)
        {
            var label = plot.Add.Text(result.Members[i].Iso3, xs[i], ys[i]);
            label.LabelFontSize = 11;
            label.LabelOffsetX = 5;
            label.LabelOffsetY = -5;
        }

        if (result.Regression is { } fit && xs.Length > 0)
        {
            // The fit is on ln GDP; the axis shows log10 GDP.
            var lo = xs.Min();
            var hi = xs.Max();
            var line = plot.Add.Line(lo, fit.Intercept + (fit.Slope * lo * Math.Log(10)), hi, fit.Intercept + (fit.Slope * hi * Math.Log(10)));
            line.LineWidth = 2;
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = $"OLS: burden = {fit.Intercept:0.00} + {fit.Slope:0.000} ln GDP (R² {fit.RSquared:0.00})";
            plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        }

        LogAxis(plot);
        plot.Title(title);
        plot.XLabel(gdpLabel);
        plot.YLabel("defence expenditure, % of GDP");
        var rho = result.Spearman.Coefficient is { } r ? r.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";
        var p = result.Spearman.PValue is { } pv ? pv.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";
        var caption = plot.Add.Annotation($"Spearman ρ = {rho} (p = {p}, {result.Spearman.Method}), n = {result.N}", ScottPlot.Alignment.LowerRight);
        caption.LabelFontSize = 12;
        return plot;
    }

    /// <summary>Each member's % of GDP as a horizontal bar, sorted, with the 2 %, 3.5 % and 5 % lines.</summary>
    public static Plot Targets(AllianceBurden burden)
    {
        var plot = new Plot();
        var members = burden.Members.Where(m => m.Member.PctGdp is not null).OrderBy(m => m.Member.PctGdp).ToList();
        var bars = members.Select((m, i) => new Bar
        {
            Position = i,
            Value = m.Member.PctGdp!.Value,
            FillColor = m.Gaps.Single(g => g.Target == BurdenTarget.Wales2).Meets == true ? Colors.SteelBlue : Colors.LightGray,
        }).ToList();
        var series = plot.Add.Bars(bars);
        series.Horizontal = true;
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, members.Count).Select(i => (double)i)], [.. members.Select(m => m.Member.Iso3)]);
        foreach (var (target, color) in new[] { (BurdenTarget.Wales2, Colors.DarkRed), (BurdenTarget.HagueCore, Colors.DarkOrange), (BurdenTarget.HagueTotal, Colors.Black) })
        {
            var line = plot.Add.VerticalLine(target.Percent);
            line.Color = color;
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = target.Name;
        }

        plot.ShowLegend(ScottPlot.Alignment.LowerRight);
        var count = burden.Counts.Single(c => c.Target == BurdenTarget.Wales2);
        plot.Title($"{burden.Spending.Alliance} {burden.Spending.Year} (edition {burden.Spending.Source}): {count.Meeting} of {count.WithData} at or above 2%");
        plot.XLabel("defence expenditure, % of GDP");
        plot.Axes.Margins(left: 0, right: 0.05, bottom: 0.01, top: 0.01);
        return plot;
    }

    /// <summary>Every member's % of GDP over the years (thin lines), the median (thick) and the 2 % line.</summary>
    public static Plot Trend(IReadOnlyList<AllianceBurden> years, string title)
    {
        var plot = new Plot();
        var members = years.SelectMany(y => y.Members.Select(m => m.Member.Iso3)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var iso3 in members)
        {
            var points = years.Select(y => (y.Spending.Year, Value: y.Members.FirstOrDefault(m => m.Member.Iso3 == iso3)?.Member.PctGdp))
                .Where(p => p.Value is not null).ToList();
            if (points.Count < 2)
            {
                continue;
            }

            var line = plot.Add.Scatter(points.Select(p => (double)p.Year).ToArray(), points.Select(p => p.Value!.Value).ToArray());
            line.Color = Colors.Gray.WithAlpha(0.35);
            line.MarkerSize = 3;
        }

        var medians = years.Where(y => !y.Spending.Partial).Select(y => (y.Spending.Year, Median: y.MedianPctGdp)).Where(m => m.Median is not null).ToList();
        var median = plot.Add.Scatter(medians.Select(m => (double)m.Year).ToArray(), medians.Select(m => m.Median!.Value).ToArray());
        median.LineWidth = 3;
        median.MarkerSize = 8;
        median.Color = Colors.SteelBlue;
        median.LegendText = "median ally (years with every ally's figure)";
        var target = plot.Add.HorizontalLine(2);
        target.LinePattern = LinePattern.Dashed;
        target.Color = Colors.DarkRed;
        target.LegendText = "2% guideline";
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        plot.Title(title);
        plot.XLabel("year (each year from the edition covering the most allies)");
        YearAxis(plot);
        plot.YLabel("defence expenditure, % of GDP");
        return plot;
    }

    /// <summary>The host's contributions per year as bars (gaps left empty), labelled by agreement.</summary>
    public static Plot Ledger(HostNationLedger ledger)
    {
        var plot = new Plot();
        var annual = ledger.Entries.Where(e => e.FirstYear == e.LastYear && e.Kind is "annual" or "annual_budget").ToList();
        var known = annual.Where(e => e.Amount is not null).ToList();
        var bars = plot.Add.Bars(known.Select(e => (double)e.FirstYear).ToArray(), known.Select(e => e.Amount!.Value).ToArray());
        bars.Color = Colors.SteelBlue;
        foreach (var group in known.GroupBy(e => e.Agreement).Where(g => g.Key is not null))
        {
            var first = group.MinBy(e => e.FirstYear)!;
            var label = plot.Add.Text(group.Key!, first.FirstYear, first.Amount!.Value);
            label.LabelFontSize = 10;
            label.LabelRotation = -90;
            label.LabelAlignment = ScottPlot.Alignment.MiddleLeft;
            label.LabelOffsetY = -6;
        }

        foreach (var missing in annual.Where(e => e.Amount is null))
        {
            var gap = plot.Add.VerticalLine(missing.FirstYear);
            gap.Color = Colors.Gray.WithAlpha(0.5);
            gap.LinePattern = LinePattern.Dotted;
        }

        var name = ledger.Host == "KOR" ? "US–ROK SMA: ROK contribution" : "US–Japan host-nation support";
        plot.Title($"{name}, {ledger.Currency} {ledger.Unit} (current); dotted = no {ledger.Currency} figure");
        plot.XLabel(ledger.Host == "JPN" ? "Japanese fiscal year" : "year");
        YearAxis(plot);
        plot.YLabel($"{ledger.Currency} {ledger.Unit}");
        plot.Axes.Margins(bottom: 0, top: 0.15);
        return plot;
    }

    /// <summary>Writes a plot as PNG or SVG by the file's extension, with its provenance sidecar, through temporary files.</summary>
    public static void Save(Plot plot, string path, Provenance provenance)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not ".png" and not ".svg")
        {
            throw new LinchpinException($"--plot {path}: use a .png or .svg file");
        }

        provenance.WriteWith(path, temporary =>
        {
            if (extension == ".png")
            {
                File.WriteAllBytes(temporary, plot.GetImageBytes(Width, Height, ImageFormat.Png));
            }
            else
            {
                File.WriteAllText(temporary, plot.GetSvgXml(Width, Height));
            }
        });
    }

    public static void YearAxis(Plot plot) =>
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => v.ToString("0", CultureInfo.InvariantCulture),
            IntegerTicksOnly = true,
        };

    private static void LogAxis(Plot plot)
    {
        var ticks = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => FormatLevel(Math.Pow(10, v)),
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
        };
        plot.Axes.Bottom.TickGenerator = ticks;
    }

    private static string FormatLevel(double value) => value switch
    {
        >= 1e6 => (value / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + " tn",
        >= 1e3 => (value / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + " bn",
        _ => value.ToString("0.#", CultureInfo.InvariantCulture) + " m",
    };
}
