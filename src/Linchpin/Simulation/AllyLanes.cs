using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Linchpin.Simulation;

/// <summary>
/// Four allies at a time: loads and stores of the run's per-ally arrays as <see cref="Vector256{T}"/>
/// lanes, and the masks of their statuses and year marks.
/// </summary>
/// <remarks>
/// A mechanism's vector loop takes each lane through the scalar formula's operations in their order
/// (no fused multiply-adds, no reordered sums), so it computes the same bits as the scalar loop; the
/// last allies, fewer than <see cref="Width"/>, go through the scalar formula itself. Loads and stores
/// skip the span's bounds check, which the loops' own bound (i ≤ n − <see cref="Width"/>) makes
/// redundant: a check per load was a measurable share of the step loop.
/// </remarks>
internal static class AllyLanes
{
    /// <summary>Allies per vector.</summary>
    public const int Width = 4;

    /// <summary>Values <paramref name="i"/> to <paramref name="i"/> + 3.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Load(ReadOnlySpan<double> values, int i)
    {
        Debug.Assert(i >= 0 && i <= values.Length - Width, "a lane load stays inside its span");
        return Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(values), (nuint)i);
    }

    /// <summary>Writes <paramref name="lanes"/> to values <paramref name="i"/> to <paramref name="i"/> + 3.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<double> lanes, Span<double> values, int i)
    {
        Debug.Assert(i >= 0 && i <= values.Length - Width, "a lane store stays inside its span");
        lanes.StoreUnsafe(ref MemoryMarshal.GetReference(values), (nuint)i);
    }

    /// <summary>All bits set in the lanes of allies <paramref name="i"/> to <paramref name="i"/> + 3 whose status is <paramref name="status"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Is(ReadOnlySpan<AllyStatus> statuses, int i, AllyStatus status) =>
        Vector256.Equals(Wide(MemoryMarshal.Cast<AllyStatus, int>(statuses), i), Vector256.Create((long)status)).AsDouble();

    /// <summary>All bits set in the lanes where <paramref name="year"/> ≤ <paramref name="untilYear"/>[i].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> AtMost(int year, ReadOnlySpan<int> untilYear, int i) =>
        Vector256.LessThanOrEqual(Vector256.Create((long)year), Wide(untilYear, i)).AsDouble();

    /// <summary>The sum of the four lanes, left to right.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sum(Vector256<double> v) => v.GetElement(0) + v.GetElement(1) + v.GetElement(2) + v.GetElement(3);

    private static Vector256<long> Wide(ReadOnlySpan<int> values, int i)
    {
        Debug.Assert(i >= 0 && i <= values.Length - Width, "a lane load stays inside its span");
        var four = Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(values), (nuint)i);
        return Vector256.Create(Vector128.WidenLower(four), Vector128.WidenUpper(four));
    }
}
