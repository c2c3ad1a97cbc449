using BenchmarkDotNet.Attributes;
using Linchpin.Data;
using Linchpin.Games.ExpectedUtility;

namespace Linchpin.Bench;

/// <summary>
/// The cost of <c>--with eu</c> on the 1816–2016 directed frame: building and writing the frame with and without
/// the expected-utility columns (the target: with them, at most twice the time without), and one year's risk search.
/// </summary>
[MemoryDiagnoser]
public class ExpectedUtilityBenchmarks
{
    private static readonly DyadYearRequest Without = new(1816, 2016, true, DyadJoins.Atop | DyadJoins.Nmc);
    private static readonly DyadYearRequest With = Without with { Joins = DyadJoins.Atop | DyadJoins.Nmc | DyadJoins.Eu };
    private DyadInputs _inputs = null!;
    private DyadFrame _withFrame = null!;
    private DyadFrame _withoutFrame = null!;
    private (int[] Codes, byte[] Matrix) _year1900;
    private double[] _capabilities1900 = [];

    [GlobalSetup]
    public void Setup()
    {
        _inputs = ShippedDyadData.Load(With.Joins);
        _withoutFrame = DyadYears.Build(_inputs, Without);
        _withFrame = DyadYears.Build(_inputs, With);
        _year1900 = DyadExpectedUtility.Portfolios(_inputs.Spells, _inputs.Atop!, 1900, 1900)[0]!.Value;
        var cinc = _inputs.Nmc!.Column("cinc");
        _capabilities1900 = [.. _year1900.Codes.Select(c => _inputs.Nmc.RowOf(c, 1900) is var row and >= 0 && cinc.Present[row] ? cinc.Doubles![row] : double.NaN)];
    }

    /// <summary>The frame without the expected-utility columns, built and written as Parquet (the baseline).</summary>
    [Benchmark(Baseline = true)]
    public void BuildAndWriteWithout() => DyadParquet.Write(DyadYears.Build(_inputs, Without), Stream.Null);

    /// <summary>The frame with the expected-utility columns (regional, risk neutral), built and written as Parquet.</summary>
    [Benchmark]
    public void BuildAndWriteWith() => DyadParquet.Write(DyadYears.Build(_inputs, With), Stream.Null);

    /// <summary>Building only, without the columns.</summary>
    [Benchmark]
    public int BuildWithout() => DyadYears.Build(_inputs, Without).RowCount;

    /// <summary>Building only, with the columns.</summary>
    [Benchmark]
    public int BuildWith() => DyadYears.Build(_inputs, With).RowCount;

    /// <summary>Writing only, without the columns.</summary>
    [Benchmark]
    public void WriteWithout() => DyadParquet.Write(_withoutFrame, Stream.Null);

    /// <summary>Writing only, with the columns.</summary>
    [Benchmark]
    public void WriteWith() => DyadParquet.Write(_withFrame, Stream.Null);

    /// <summary>The risk score of the United Kingdom toward Europe in 1900 (EUGene's steepest search).</summary>
    [Benchmark]
    public double RiskUnitedKingdom1900() =>
        WarTrapRisk.Compute(1900, _year1900.Codes, _year1900.Matrix, _capabilities1900, Array.IndexOf(_year1900.Codes, 200), BdmRegions.Europe).Risk;
}
