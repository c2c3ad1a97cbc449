using System.CommandLine;
using Linchpin.Analysis;
using Linchpin.Cli.Output;
using Linchpin.Cli.Plots;

namespace Linchpin.Cli.Commands.Burden;

/// <summary><c>linchpin burden test --year Y</c>: the Olson–Zeckhauser exploitation test.</summary>
internal static class BurdenTestCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var options = new BurdenOptions();
        var year = BurdenOptions.Year("Year");
        var alternative = new Option<string>("--alternative")
        {
            Description = "Alternative hypothesis: greater (the large bear more; Olson & Zeckhauser), less, or two-sided",
            DefaultValueFactory = _ => "greater",
        };
        var command = new Command("test", "Exploitation hypothesis (Olson & Zeckhauser 1966): Spearman and Kendall rank correlations of GDP and burden, OLS of burden on log GDP");
        command.Options.Add(year);
        command.Options.Add(alternative);
        options.AddTo(command);
        command.SetAction(parsed => CommandBoundary.Run(environment, () =>
        {
            var h1 = parsed.GetValue(alternative)!.Trim().ToLowerInvariant() switch
            {
                "greater" => Alternative.Greater,
                "less" => Alternative.Less,
                "two-sided" or "two.sided" or "twosided" => Alternative.TwoSided,
                var other => throw new LinchpinException($"--alternative: unknown '{other}': use greater, less or two-sided"),
            };
            using var store = CommonOptions.OpenStore(parsed, environment);
            var spending = options.Spending(parsed, store, parsed.GetValue(year));
            BurdenOptions.RequireMembers(spending, m => m.PctGdp is not null && m.Gdp is > 0, 3, "both a % of GDP and a GDP level", "the exploitation test");
            var result = ExploitationTest.Run(spending.Members, h1);
            var fit = result.Regression;
            var rows = new Rows("iso3", "country", "year", "gdp", "gdp_year", "pct_gdp", "spearman_rho", "spearman_p", "spearman_method",
                "kendall_tau", "kendall_p", "kendall_method", "alternative", "n", "ols_intercept", "ols_slope", "ols_slope_low", "ols_slope_high",
                "ols_slope_p", "ols_r_squared", "edition", "gdp_basis");
            var gdpYears = spending.Members.ToDictionary(m => m.Iso3, m => m.GdpYear);
            foreach (var m in result.Members)
            {
                rows.Add(m.Iso3, m.Country, spending.Year, m.Gdp, gdpYears[m.Iso3], m.PctGdp, result.Spearman.Coefficient, result.Spearman.PValue,
                    result.Spearman.Method, result.Kendall.Coefficient, result.Kendall.PValue, result.Kendall.Method, Name(h1), result.N,
                    fit?.Intercept, fit?.Slope, fit?.SlopeInterval.Low, fit?.SlopeInterval.High, fit?.SlopePValue, fit?.RSquared,
                    spending.Source, spending.Basis?.Label);
            }

            var notes = new List<string>
            {
                $"Spearman rho = {Show(result.Spearman.Coefficient)} (p = {Show(result.Spearman.PValue)}, {Name(h1)}, {result.Spearman.Method}); " +
                $"Kendall tau-b = {Show(result.Kendall.Coefficient)} (p = {Show(result.Kendall.PValue)}, {result.Kendall.Method}); n = {result.N}",
            };
            if (fit is not null)
            {
                notes.Add($"OLS: pct_gdp = {fit.Intercept:0.000} + {fit.Slope:0.000} ln(GDP); slope 95% CI {fit.SlopeInterval.Low:0.000} to {fit.SlopeInterval.High:0.000}, R² {fit.RSquared:0.000}");
            }

            notes.AddRange(result.Dropped.Select(d => $"left out: {d}"));
            notes.AddRange(spending.Notes);
            rows.Write(parsed.GetValue(CommonOptions.Format), environment, $"{spending.Alliance} {spending.Year}: exploitation test (source {spending.Source})",
                ["iso3", "country", "gdp", "pct_gdp"], notes);
            Rows.SavePlot(BurdenCharts.Exploitation(result, $"{spending.Alliance} {spending.Year}: burden against economic size (Olson & Zeckhauser)",
                spending.Basis is { } b ? $"GDP ({b.Currency}, {b.PriceBasis}; log scale)" : "GDP (log scale)"), parsed.GetValue(options.Plot), parsed, store, environment);
            return 0;
        }));
        return command;
    }

    private static string Name(Alternative alternative) => alternative switch
    {
        Alternative.Greater => "greater",
        Alternative.Less => "less",
        _ => "two-sided",
    };

    private static string Show(double? value) => value is { } v ? v.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture) : "NA";
}
