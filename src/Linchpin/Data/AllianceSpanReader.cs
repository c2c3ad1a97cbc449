using System.Globalization;
using Linchpin.Analysis;

namespace Linchpin.Data;

/// <summary>Reads alliance begin and end dates (<see cref="AllianceSpan"/>) out of the store, for duration analysis.</summary>
public static class AllianceSpanReader
{
    /// <summary>
    /// Every alliance of the ATOP alliance-level file (<c>atop_alliance</c>, ATOP 4.01), in atopid order.
    /// ATOP codes an unknown month as 0 and an alliance still in effect with <c>endyr = 0</c>: both
    /// become <c>null</c>. <c>bilat</c> and <c>defense</c> (1 or 0) become the bilateral and defence flags.
    /// </summary>
    /// <exception cref="LinchpinException">A row is not a valid alliance span (a data error).</exception>
    public static IReadOnlyList<AllianceSpan> Atop(WorldStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var table = store.Require("atop_alliance");
        var rows = store.Query($"SELECT atopid, begyr, begmo, endyr, endmo, bilat, defense FROM {table} ORDER BY atopid").Rows;
        return [.. rows.Select(r =>
        {
            var id = Int(r[0]) ?? throw LinchpinException.NoData($"{table}: a row has no atopid");
            var begin = Int(r[1]) ?? throw LinchpinException.NoData($"{table}: alliance {id} has no begin year");
            var end = ZeroIsMissing(Int(r[3]));
            try
            {
                return new AllianceSpan(id, begin, ZeroIsMissing(Int(r[2])), end, end is null ? null : ZeroIsMissing(Int(r[4])), Flag(Int(r[5])), Flag(Int(r[6])));
            }
            catch (ArgumentOutOfRangeException ex)
            {
                throw new LinchpinException(ErrorKind.Data, $"{table}: alliance {id}: {ex.Message.ReplaceLineEndings(" ")}", ex);
            }
        })];
    }

    private static int? Int(object? value) => value is null or DBNull ? null : Convert.ToInt32(value, CultureInfo.InvariantCulture);

    private static int? ZeroIsMissing(int? value) => value is 0 ? null : value;

    private static bool? Flag(int? value) => value switch
    {
        1 => true,
        0 => false,
        _ => null,
    };
}
