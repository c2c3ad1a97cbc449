using Linchpin.Alignment;
using Linchpin.Data;
using Linchpin.Reports;

namespace Linchpin.Web;

/// <summary>
/// The server's one data store, used by one request at a time (a DuckDB connection is not shared
/// between threads), and the alliance portfolios built once from the shipped files.
/// </summary>
internal sealed class StoreGate : IDisposable
{
    private readonly Lazy<WorldStore> _store;
    private readonly Lazy<AlliancePortfolios> _portfolios;
    private readonly Lock _lock = new();

    public StoreGate(WebOptions options)
    {
        _store = new(() => WorldStore.Open(new StoreOptions(options.DatabasePath, options.HomeFolder)), LazyThreadSafetyMode.ExecutionAndPublication);
        _portfolios = new(() =>
        {
            var (pledges, label) = AlliancePledges.Atop();
            return AlliancePortfolios.Build(ShippedDyadData.ReadSpells(), pledges, PortfolioCoding.Standard, AlliancePledges.Capabilities(),
                AllianceAtlas.FirstYear, AllianceAtlas.LastYear, label);
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Runs <paramref name="read"/> on the store, alone.</summary>
    public T Read<T>(Func<WorldStore, T> read)
    {
        lock (_lock)
        {
            return read(_store.Value);
        }
    }

    /// <summary>The ATOP 5.1 portfolios over the atlas years, standard coding.</summary>
    public AlliancePortfolios Portfolios => _portfolios.Value;

    public void Dispose()
    {
        if (_store.IsValueCreated)
        {
            _store.Value.Dispose();
        }
    }
}
