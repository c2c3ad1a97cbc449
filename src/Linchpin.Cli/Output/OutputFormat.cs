namespace Linchpin.Cli.Output;

/// <summary>How a command prints its result.</summary>
public enum OutputFormat
{
    /// <summary>A table for people.</summary>
    Table,

    /// <summary>CSV with a header; missing values are empty fields.</summary>
    Csv,

    /// <summary>A JSON array of objects; missing values are <c>null</c>.</summary>
    Json,
}
