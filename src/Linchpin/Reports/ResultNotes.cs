namespace Linchpin.Reports;

/// <summary>
/// Linchpin's one rule for telling the warnings among a result's notes: a note is a warning when
/// it says the figures cover less than they claim or rest on a choice the user should check, and
/// it says so by beginning with <c>warning: </c> or <c>partial: </c> (e.g. "partial: edition
/// 2025-08 gives figures for 15 of the 31 allies"). Every output format carries the warnings: a
/// printed table under it, JSON in a <c>warnings</c> array, CSV on standard error and in the
/// provenance sidecar of a file.
/// </summary>
public static class ResultNotes
{
    private const string WarningPrefix = "warning: ";
    private const string PartialPrefix = "partial: ";

    /// <summary>Whether <paramref name="note"/> is a warning.</summary>
    public static bool IsWarning(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        return note.StartsWith(WarningPrefix, StringComparison.Ordinal) || note.StartsWith(PartialPrefix, StringComparison.Ordinal);
    }

    /// <summary>The warnings among <paramref name="notes"/>, in order, without the <c>warning: </c> prefix (the place they are written in says it).</summary>
    public static IReadOnlyList<string> Warnings(IEnumerable<string> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        return [.. notes.Where(IsWarning).Select(n => n.StartsWith(WarningPrefix, StringComparison.Ordinal) ? n[WarningPrefix.Length..] : n)];
    }

    /// <summary>The notes that are not warnings, in order.</summary>
    public static IReadOnlyList<string> Others(IEnumerable<string> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        return [.. notes.Where(n => !IsWarning(n))];
    }

    /// <summary>
    /// <paramref name="notes"/> with, when <paramref name="table"/> holds values that are not finite
    /// numbers, a warning counting them: every format writes them as missing (an empty CSV field,
    /// JSON <c>null</c>), so they would otherwise pass unseen.
    /// </summary>
    public static IReadOnlyList<string> WithNonFinite(Linchpin.Data.ResultTable table, IEnumerable<string> notes)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(notes);
        var all = notes.ToList();
        if (ResultJson.NonFiniteCount(table) is var count and > 0)
        {
            all.Add($"warning: {count} value(s) are not finite numbers (NaN or ±infinity) and are written as missing");
        }

        return all;
    }
}
