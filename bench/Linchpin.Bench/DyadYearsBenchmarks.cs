using BenchmarkDotNet.Attributes;
using Linchpin.Data;

namespace Linchpin.Bench;

/// <summary>The 1816–2016 directed dyad-year frame with ATOP and NMC: building it in memory, and writing it.</summary>
[MemoryDiagnoser]
public class DyadYearsBenchmarks
{
    private static readonly DyadYearRequest Request = new(1816, 2016, true, DyadJoins.Atop | DyadJoins.Nmc);
    private DyadInputs _inputs = null!;
    private DyadFrame _frame = null!;

    [GlobalSetup]
    public void Setup()
    {
        _inputs = ShippedDyadData.Load(Request.Joins);
        _frame = DyadYears.Build(_inputs, Request);
    }

    /// <summary>Reading the embedded states, ATOP and NMC files.</summary>
    [Benchmark]
    public DyadInputs Load() => ShippedDyadData.Load(Request.Joins);

    /// <summary>Keys from membership spells, the ATOP merge join and the NMC lookups (1,912,290 rows).</summary>
    [Benchmark]
    public int Build() => DyadYears.Build(_inputs, Request).RowCount;

    /// <summary>Writing the frame as Parquet.</summary>
    [Benchmark]
    public void WriteParquet() => DyadParquet.Write(_frame, Stream.Null);

    /// <summary>Writing the frame as CSV.</summary>
    [Benchmark]
    public void WriteCsv() => DyadFrameFile.WriteCsv(_frame, Stream.Null);
}
