using Linchpin.Analysis;

namespace Linchpin.Validation;

/// <summary>Point scores of a forecast against held-out values.</summary>
/// <param name="Name">The forecast's name (the model, or a baseline).</param>
/// <param name="Spearman">Spearman rank correlation of forecast and actual (NaN if undefined).</param>
/// <param name="Mae">Mean absolute error.</param>
/// <param name="Bias">Mean signed error, forecast − actual.</param>
/// <param name="CountAtTarget">How many units the forecast puts at or above the target (NATO: 2 % of GDP), or NaN without a target.</param>
public sealed record ForecastScore(string Name, double Spearman, double Mae, double Bias, double CountAtTarget);

/// <summary>The count of units at or above a target in the held-out year: the ensemble's median and 5–95 % band, and the actual count.</summary>
/// <param name="Target">The target (e.g. 2 % of GDP).</param>
/// <param name="Median">Median over runs of the count.</param>
/// <param name="Low">5th percentile over runs.</param>
/// <param name="High">95th percentile over runs.</param>
/// <param name="Actual">The actual count.</param>
public sealed record CountAtTarget(double Target, double Median, double Low, double High, int Actual);

/// <summary>Forecast scores (reference formulations, model 11 §11.6): MAE, bias, Spearman, interval coverage.</summary>
public static class ForecastScores
{
    /// <summary>Scores a forecast.</summary>
    /// <param name="name">The forecast's name.</param>
    /// <param name="forecast">Forecast values.</param>
    /// <param name="actual">Actual values, paired with <paramref name="forecast"/>.</param>
    /// <param name="target">A target level to count units at or above, or NaN.</param>
    public static ForecastScore Score(string name, IReadOnlyList<double> forecast, IReadOnlyList<double> actual, double target = double.NaN)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentNullException.ThrowIfNull(actual);
        if (forecast.Count != actual.Count || forecast.Count == 0)
        {
            throw new ArgumentException("forecast and actual must pair up, at least one each", nameof(forecast));
        }

        var errors = forecast.Zip(actual, (f, a) => f - a).ToList();
        return new ForecastScore(name, RankCorrelation.Spearman(forecast, actual) ?? double.NaN, errors.Average(Math.Abs), errors.Average(),
            double.IsNaN(target) ? double.NaN : forecast.Count(f => f >= target));
    }

    /// <summary>The share of actual values inside their [low, high] band (inclusive).</summary>
    public static double Coverage(IReadOnlyList<double> low, IReadOnlyList<double> high, IReadOnlyList<double> actual)
    {
        ArgumentNullException.ThrowIfNull(low);
        ArgumentNullException.ThrowIfNull(high);
        ArgumentNullException.ThrowIfNull(actual);
        return actual.Count == 0 ? double.NaN : actual.Where((a, i) => a >= low[i] && a <= high[i]).Count() / (double)actual.Count;
    }

    /// <summary>The sentences saying which baselines the model does not beat on MAE or Spearman (empty when it beats them all).</summary>
    /// <remarks>Where either Spearman is undefined (a forecast the same for every unit), the pair is compared on MAE alone, and the sentence says so.</remarks>
    public static IReadOnlyList<string> Losses(ForecastScore model, IReadOnlyList<ForecastScore> baselines, string context)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(baselines);
        var lines = new List<string>();
        foreach (var b in baselines)
        {
            var worse = new List<string>();
            if (!(model.Mae < b.Mae))
            {
                worse.Add(FormattableString.Invariant($"MAE {model.Mae:0.000} against {b.Mae:0.000}"));
            }

            if (double.IsNaN(model.Spearman) || double.IsNaN(b.Spearman))
            {
                if (worse.Count > 0)
                {
                    worse.Add("Spearman undefined, not compared");
                }
            }
            else if (!(model.Spearman > b.Spearman))
            {
                worse.Add(FormattableString.Invariant($"Spearman {model.Spearman:0.000} against {b.Spearman:0.000}"));
            }

            if (worse.Count > 0)
            {
                lines.Add($"{context}: the model does not beat the baseline '{b.Name}' ({string.Join("; ", worse)})");
            }
        }

        return lines;
    }
}
