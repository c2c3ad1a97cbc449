using Linchpin.Data;
using Linchpin.Tests.TestSupport;

namespace Linchpin.Tests.Data;

public class DatasetCatalogTests
{
    [Fact]
    public void Every_file_in_data_is_a_shipped_dataset_and_every_dataset_is_embedded()
    {
        var files = Directory.GetFiles(TestPaths.DataFolder, "*.csv").Select(f => Path.GetFileName(f)!).Order().ToList();
        var catalogued = DatasetCatalog.Shipped.Select(d => d.FileName).Order().ToList();
        Assert.Equal(files, catalogued);
        foreach (var dataset in DatasetCatalog.Shipped)
        {
            using var stream = DatasetCatalog.OpenShipped(dataset);
            Assert.Equal(new FileInfo(Path.Combine(TestPaths.DataFolder, dataset.FileName)).Length, stream.Length);
        }
    }

    [Fact]
    public void Sources_document_names_every_shipped_file_and_its_version()
    {
        var sources = File.ReadAllText(Path.Combine(TestPaths.DataFolder, "SOURCES.md"));
        foreach (var dataset in DatasetCatalog.Shipped)
        {
            Assert.Contains(dataset.FileName, sources, StringComparison.Ordinal);
            Assert.Contains($"`{dataset.Name}`", sources, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Restricted_datasets_are_not_shipped()
    {
        var names = Directory.GetFiles(TestPaths.DataFolder).Select(f => Path.GetFileName(f).ToLowerInvariant()).ToList();
        Assert.DoesNotContain(names, n => n.StartsWith("alliance_v4", StringComparison.Ordinal));
        Assert.DoesNotContain(names, n => n.Contains("sipri", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_dataset_has_a_citation_licence_and_a_coverage_window()
    {
        foreach (var dataset in DatasetCatalog.Shipped)
        {
            Assert.False(string.IsNullOrWhiteSpace(dataset.Citation), dataset.Name);
            Assert.False(string.IsNullOrWhiteSpace(dataset.Licence), dataset.Name);
            Assert.True(dataset.Coverage.First <= dataset.Coverage.Last, dataset.Name);
        }
    }
}
