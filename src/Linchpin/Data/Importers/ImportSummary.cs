namespace Linchpin.Data.Importers;

/// <summary>One table an import wrote.</summary>
/// <param name="Name">Table name.</param>
/// <param name="Rows">Rows written.</param>
/// <param name="Version">Version of the source data as found in the file.</param>
/// <param name="Note">Anything the user should know (e.g. rows whose country could not be matched).</param>
public sealed record ImportedTable(string Name, long Rows, string Version, string Note);

/// <summary>What an import did.</summary>
/// <param name="Datasets">The tables it wrote.</param>
public sealed record ImportSummary(IReadOnlyList<ImportedTable> Datasets);
