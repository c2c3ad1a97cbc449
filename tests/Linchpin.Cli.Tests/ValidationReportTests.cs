using Linchpin.Data;
using Linchpin.Scenarios;
using Linchpin.Validation;

namespace Linchpin.Cli.Tests;

/// <summary>The report's validation section.</summary>
public class ValidationReportTests
{
    [Fact]
    public void The_report_shows_every_backtest_next_to_its_baselines_and_says_where_the_model_loses()
    {
        using var cli = new CliRunner();
        var path = cli.File("report.html");
        var (exit, _, error) = cli.Run("report", "--out", path, "--runs", "20", "--seed", "42");
        Assert.True(exit == 0, error);
        var html = File.ReadAllText(path).Replace("&#39;", "'", StringComparison.Ordinal).Replace("&#8594;", "→", StringComparison.Ordinal);
        var section = html[html.IndexOf("Validation: what the simulation knows", StringComparison.Ordinal)..];
        Assert.Contains("What drives the headline outputs (sma-2019)", section, StringComparison.Ordinal);
        Assert.Contains("band for ", section, StringComparison.Ordinal);

        // The same backtest from the library: each of its losses is a sentence of the report, and every baseline a row.
        using var store = WorldStore.Open(new StoreOptions(null, cli.Home));
        var result = NatoBacktest.Run(store, BuiltInScenarios.Load("nato-2014"), "nato-2014", 20, 42, Environment.ProcessorCount, BacktestInformation.ForecastDate);
        var year = Assert.Single(result.Years);
        foreach (var baseline in year.Baselines)
        {
            Assert.Contains($"<td>{baseline.Name}</td>", section, StringComparison.Ordinal);
        }

        Assert.All(year.Losses, loss => Assert.Contains($"nato-2014, forecast-date: {loss}.", section, StringComparison.Ordinal));
        Assert.Equal(year.Losses.Count == 0, section.Contains("nato-2014, forecast-date, 2023: the model beats every baseline", StringComparison.Ordinal));

        // The SMA backtest: every baseline a row, every loss a sentence.
        var sma = SmaBacktest.Run(store, "sma-2018", SmaBacktest.DefaultResamples, 42);
        Assert.Contains("Cost-sharing backtest (sma-2018)", section, StringComparison.Ordinal);
        foreach (var baseline in sma.Baselines)
        {
            Assert.Contains($"<td>{baseline.Name}</td>", section, StringComparison.Ordinal);
        }

        Assert.All(sma.Losses, loss => Assert.Contains($"sma-2018: {loss}.", section, StringComparison.Ordinal));
    }
}
