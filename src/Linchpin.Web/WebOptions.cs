namespace Linchpin.Web;

/// <summary>How the server runs: where it listens, which store it reads, and the limits on every request.</summary>
public sealed record WebOptions
{
    /// <summary>The address served when none is given: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5150";

    /// <summary>Addresses to listen on (<c>--urls</c>, separated by <c>;</c>).</summary>
    public IReadOnlyList<string> Urls { get; init; } = [DefaultUrl];

    /// <summary>A DuckDB database file for the data tables (<c>--db</c>); <c>null</c> keeps them in memory.</summary>
    public string? DatabasePath { get; init; }

    /// <summary>The user's Linchpin folder (imports).</summary>
    public string HomeFolder { get; init; } = Data.StoreOptions.DefaultHomeFolder();

    /// <summary>Ensembles computed at the same time (default: the number of cores).</summary>
    public int MaxConcurrentRuns { get; init; } = Environment.ProcessorCount;

    /// <summary>Runs waiting for a free slot; a request beyond it gets 429.</summary>
    public int QueueCapacity { get; init; } = 16;

    /// <summary>Finished runs kept for their results (the oldest go first).</summary>
    public int KeepFinished { get; init; } = 16;

    /// <summary>How long a finished run's results are kept.</summary>
    public TimeSpan KeepFor { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Largest request body (a scenario or game input), in bytes.</summary>
    public long MaxBodyBytes { get; init; } = 1 << 20;

    /// <summary>Most runs of one ensemble (as <c>linchpin simulate</c>).</summary>
    public int MaxRuns { get; init; } = 1_000_000;

    /// <summary>Most recorded ally-years of one ensemble (runs × years × allies), which bounds its memory.</summary>
    public long MaxTrajectoryCells { get; init; } = 4_000_000;

    /// <summary>Threads one ensemble may use (default: the number of cores).</summary>
    public int MaxThreadsPerRun { get; init; } = Environment.ProcessorCount;

    /// <summary>Most rows of one page of a dataset or of dyad-years.</summary>
    public int MaxPageRows { get; init; } = 10_000;

    /// <summary>Whether an address is on this machine only (127.0.0.0/8, ::1, localhost).</summary>
    public static bool IsLoopback(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback || (System.Net.IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address));
    }
}
