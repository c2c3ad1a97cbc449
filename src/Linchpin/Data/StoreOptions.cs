namespace Linchpin.Data;

/// <summary>Where a <see cref="WorldStore"/> keeps things on disk.</summary>
/// <param name="DatabasePath">A DuckDB database file to keep the tables in; <c>null</c> keeps them in memory.</param>
/// <param name="HomeFolder">
/// The user's Linchpin folder: imported datasets live in its <c>imports</c> subfolder and the
/// extracted copies of the embedded data in its <c>cache</c> subfolder.
/// </param>
public sealed record StoreOptions(string? DatabasePath, string HomeFolder)
{
    /// <summary>
    /// The default home folder: <c>$LINCHPIN_HOME</c>, else <c>$XDG_DATA_HOME/linchpin</c>, else
    /// <c>~/.local/share/linchpin</c>.
    /// </summary>
    public static string DefaultHomeFolder()
    {
        var explicitHome = Environment.GetEnvironmentVariable("LINCHPIN_HOME");
        if (!string.IsNullOrWhiteSpace(explicitHome))
        {
            return explicitHome;
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var root = string.IsNullOrWhiteSpace(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share")
            : xdg;
        return Path.Combine(root, "linchpin");
    }

    /// <summary>Options for an in-memory store with the default home folder.</summary>
    public static StoreOptions Default() => new(null, DefaultHomeFolder());

    /// <summary>The folder of imported datasets.</summary>
    public string ImportFolder => Path.Combine(HomeFolder, "imports");

    /// <summary>The folder of extracted embedded data.</summary>
    public string CacheFolder => Path.Combine(HomeFolder, "cache");
}
