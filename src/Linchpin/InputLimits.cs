namespace Linchpin;

/// <summary>
/// The limits every input is checked against before it is parsed: YAML or JSON documents (game,
/// landscape and scenario files) for size, nesting depth and number of values, imported CSV files
/// for size, so that no input can exhaust the stack or the memory. An input past a limit is refused
/// with its file (and line, where there is one).
/// </summary>
public static class InputLimits
{
    /// <summary>The largest input file, in bytes (16 MiB; the largest built-in scenario is a few KiB).</summary>
    public const long MaxInputBytes = 16L << 20;

    /// <summary>
    /// The largest CSV file an importer reads, in bytes (256 MiB; the largest shipped or importable
    /// data set, COW's dyad-year alliance file, is under 100 MiB). The file is held in memory while parsed.
    /// </summary>
    public const long MaxCsvBytes = 256L << 20;

    /// <summary>
    /// The deepest nesting of lists and mappings (64; the scenario format needs 5). The YAML
    /// parser builds documents recursively: 40,000 nested <c>[</c> would overflow the stack.
    /// </summary>
    public const int MaxNestingDepth = 64;

    /// <summary>
    /// The most values (scalars, lists and mappings) a document may hold, counting each alias as
    /// the size of what it refers to (1,000,000), so that aliases cannot multiply the work.
    /// </summary>
    public const long MaxNodes = 1_000_000;
}
