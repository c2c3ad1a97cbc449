namespace Linchpin;

/// <summary>
/// The limits every YAML or JSON input (game, landscape and scenario files) is checked against
/// before it is parsed into a document, so that no input can exhaust the stack or the memory: a
/// document past a limit is refused with its file and line.
/// </summary>
public static class InputLimits
{
    /// <summary>The largest input file, in bytes (16 MiB; the largest built-in scenario is a few KiB).</summary>
    public const long MaxInputBytes = 16L << 20;

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
