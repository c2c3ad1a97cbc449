namespace Linchpin.Tests.TestSupport;

/// <summary>Paths the tests need: the repository, its data folder, and the reference data beside it (if present).</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string DataFolder => Path.Combine(RepositoryRoot, "data");

    /// <summary>The reference data folder beside the repository, or null where it is absent.</summary>
    public static string? SharedData
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));
            return Directory.Exists(path) ? path : null;
        }
    }

    /// <summary>A file of the reference data, skipping the test when the folder is absent.</summary>
    public static string RequireShared(string file)
    {
        var folder = SharedData;
        if (folder is null)
        {
            Assert.Skip("the reference data folder ../shared/data is not present");
        }

        return Path.Combine(folder, file);
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Linchpin.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fresh Linchpin home folder (imports, cache) removed after the test.</summary>
public sealed class TempHome : IDisposable
{
    public TempHome()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "linchpin-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string content)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>One in-memory store shared by the tests of a class (the data are loaded once).</summary>
public sealed class StoreFixture : IDisposable
{
    private readonly TempHome _home = new();

    public StoreFixture() => Store = Linchpin.Data.WorldStore.Open(new Linchpin.Data.StoreOptions(null, _home.Path));

    public Linchpin.Data.WorldStore Store { get; }

    public void Dispose()
    {
        Store.Dispose();
        _home.Dispose();
    }
}
