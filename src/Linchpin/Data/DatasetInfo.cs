namespace Linchpin.Data;

/// <summary>An inclusive range of calendar years, the coverage window of a data source.</summary>
/// <param name="First">First year covered.</param>
/// <param name="Last">Last year covered.</param>
public readonly record struct YearRange(int First, int Last)
{
    /// <summary>Whether <paramref name="year"/> lies in the window.</summary>
    public bool Contains(int year) => year >= First && year <= Last;

    /// <inheritdoc />
    public override string ToString() => First == Last ? $"{First}" : $"{First}-{Last}";
}

/// <summary>One column of a dataset: its name, DuckDB type and meaning (with units).</summary>
/// <param name="Name">Column name as in the file and the table.</param>
/// <param name="SqlType">DuckDB type, e.g. <c>INTEGER</c>, <c>DOUBLE</c>, <c>VARCHAR</c>.</param>
/// <param name="Meaning">What the column holds, with units.</param>
public sealed record ColumnInfo(string Name, string SqlType, string Meaning);

/// <summary>Whether a dataset ships inside Linchpin or is imported from a user's own copy.</summary>
public enum DatasetOrigin
{
    /// <summary>Shipped in the library as an embedded resource.</summary>
    Shipped,

    /// <summary>Imported by the user (<c>linchpin data import</c>); never redistributed by Linchpin.</summary>
    Imported,
}

/// <summary>
/// A dataset Linchpin knows: where it comes from, which version, which years it covers, how to
/// cite it and under which terms it may be used. Each dataset becomes one table in the store,
/// named <see cref="Name"/>.
/// </summary>
/// <param name="Name">Table and command-line name, e.g. <c>atop_ddy</c>.</param>
/// <param name="Title">Human-readable title.</param>
/// <param name="Version">Version of the source data, e.g. <c>5.1</c>.</param>
/// <param name="FileName">File name under <c>data/</c> (shipped) or in the user's import folder.</param>
/// <param name="Coverage">Years the source covers: outside them "no data", never "none".</param>
/// <param name="Citation">How to cite it.</param>
/// <param name="Licence">Terms of use and redistribution.</param>
/// <param name="Source">Where the file was obtained.</param>
/// <param name="Origin">Shipped or imported.</param>
/// <param name="Columns">Column types and meanings; <c>null</c> lets the store detect the types of a wide file.</param>
public sealed record DatasetInfo(
    string Name,
    string Title,
    string Version,
    string FileName,
    YearRange Coverage,
    string Citation,
    string Licence,
    string Source,
    DatasetOrigin Origin,
    IReadOnlyList<ColumnInfo>? Columns);
