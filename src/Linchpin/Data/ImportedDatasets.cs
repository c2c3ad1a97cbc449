using System.Text.Json;

namespace Linchpin.Data;

/// <summary>
/// The datasets a user imported from their own copies (COW Formal Alliances, SIPRI), which
/// Linchpin may not redistribute. Each lives in the import folder as a normalised CSV plus a
/// JSON description (<see cref="DatasetInfo"/>), so every store, in memory or on disk, sees it.
/// </summary>
public static class ImportedDatasets
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>Names of the tables imports can create, with the import kind that creates each.</summary>
    public static IReadOnlyDictionary<string, string> Kinds { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["cow_alliance_member"] = "cow-alliances",
        ["cow_alliance_dyad"] = "cow-alliances",
        ["sipri_milex"] = "sipri",
    };

    /// <summary>Names of the tables imports can create.</summary>
    public static IEnumerable<string> ImportableNames => Kinds.Keys;

    /// <summary>The import kind (<c>cow-alliances</c>, <c>sipri</c>) that creates the named table.</summary>
    public static string ImportKind(string name) => Kinds.TryGetValue(name, out var kind) ? kind : name;

    /// <summary>Reads the descriptions of every imported dataset in <paramref name="importFolder"/>.</summary>
    public static IReadOnlyList<DatasetInfo> ReadAll(string importFolder)
    {
        if (!Directory.Exists(importFolder))
        {
            return [];
        }

        var found = new List<DatasetInfo>();
        foreach (var file in Directory.EnumerateFiles(importFolder, "*.json").Order(StringComparer.Ordinal))
        {
            DatasetInfo? info;
            try
            {
                info = JsonSerializer.Deserialize<DatasetInfo>(File.ReadAllText(file), JsonOptions);
            }
            catch (JsonException ex)
            {
                throw new LinchpinException(ErrorKind.Data, $"{file}: unreadable import description ({ex.Message}); import the file again", ex);
            }

            if (info is not null && File.Exists(Path.Combine(importFolder, info.FileName)))
            {
                found.Add(info with { Origin = DatasetOrigin.Imported });
            }
        }

        return found;
    }

    /// <summary>
    /// Refuses an import without rows (a header-only file would silently replace an earlier import
    /// with nothing), unless <paramref name="allowEmpty"/>.
    /// </summary>
    /// <exception cref="LinchpinException">No rows and not allowed.</exception>
    public static void RequireRows(string path, int rows, bool allowEmpty)
    {
        if (rows == 0 && !allowEmpty)
        {
            throw LinchpinException.InFile(path, 2, null, "no rows to import (only a header); the earlier import, if any, is kept (pass --allow-empty to import an empty table)");
        }
    }

    /// <summary>Saves a normalised import: the CSV text and its description, written together, so an earlier import stays until the new one is complete.</summary>
    public static void Save(string importFolder, DatasetInfo info, Action<string> writeCsv)
    {
        ArgumentNullException.ThrowIfNull(info);
        try
        {
            Directory.CreateDirectory(importFolder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new LinchpinException(ErrorKind.Data, $"{importFolder}: cannot create the import folder ({ex.Message})", ex);
        }

        AtomicFile.WriteAll(
        [
            (Path.Combine(importFolder, info.FileName), writeCsv),
            (Path.Combine(importFolder, info.Name + ".json"), temp => File.WriteAllText(temp, JsonSerializer.Serialize(info, JsonOptions))),
        ]);
    }

    /// <summary>The path of an imported dataset's CSV and a fingerprint that changes when it is re-imported.</summary>
    internal static (string Path, string Fingerprint) Locate(string importFolder, DatasetInfo info)
    {
        var path = Path.Combine(importFolder, info.FileName);
        var stamp = File.GetLastWriteTimeUtc(path).Ticks;
        return (path, $"{info.Version}:{new FileInfo(path).Length}:{stamp}");
    }
}
