using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Linchpin.Data;

/// <summary>A dataset an output was made from, and its version.</summary>
/// <param name="Name">Dataset name, e.g. <c>atop_ddy</c>.</param>
/// <param name="Version">Its version, e.g. <c>5.1</c>.</param>
public readonly record struct DatasetVersion(string Name, string Version)
{
    /// <summary>The name and version of <paramref name="dataset"/>.</summary>
    public static DatasetVersion Of(DatasetInfo dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return new(dataset.Name, dataset.Version);
    }
}

/// <summary>
/// What made an output file: the Linchpin version, the command and its resolved parameters, the
/// datasets read (with their versions) and the random seed, if any. It holds no time stamp, so the
/// same command on the same data writes the same bytes.
/// </summary>
/// <remarks>
/// Parquet files carry it as file key-value metadata under <see cref="MetadataKey"/>; CSV and JSON
/// files, which cannot, get a sidecar file named by <see cref="SidecarPath"/>. Both hold the text
/// of <see cref="ToJson"/>.
/// </remarks>
/// <param name="Command">The command line that made the output, e.g. <c>linchpin dyads --from 1816 --out d.parquet</c>.</param>
/// <param name="Parameters">The parameters the command ran with, defaults included, in a fixed order.</param>
/// <param name="Datasets">The datasets read, in a fixed order.</param>
/// <param name="Seed">The random seed, for outputs of random draws; <c>null</c> otherwise.</param>
public sealed record Provenance(
    string Command,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    IReadOnlyList<DatasetVersion> Datasets,
    long? Seed = null)
{
    /// <summary>The Parquet key-value metadata key under which the JSON is stored.</summary>
    public const string MetadataKey = "linchpin.provenance";

    /// <summary>The ending added to an output file's name to name its sidecar.</summary>
    public const string SidecarSuffix = ".provenance.json";

    /// <summary>The Linchpin version that made the output (<see cref="DatasetCatalog.ToolVersion"/> by default).</summary>
    public string ToolVersion { get; init; } = DatasetCatalog.ToolVersion;

    /// <summary>The sidecar file of an output: its path with <see cref="SidecarSuffix"/> appended.</summary>
    public static string SidecarPath(string outputPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        return outputPath + SidecarSuffix;
    }

    /// <summary>Whether an output of this name carries the provenance inside it (Parquet) rather than in a sidecar.</summary>
    public static bool IsEmbeddedIn(string outputPath) =>
        string.Equals(Path.GetExtension(outputPath), ".parquet", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The provenance as JSON: <c>tool</c>, <c>tool_version</c>, <c>command</c>, <c>parameters</c>
    /// (an object), <c>datasets</c> (an array of <c>name</c>, <c>version</c>) and <c>seed</c> (a
    /// number, or <c>null</c>). Indented with <c>\n</c> line ends when <paramref name="indented"/>.
    /// </summary>
    public string ToJson(bool indented = false)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("tool", "Linchpin");
            json.WriteString("tool_version", ToolVersion);
            json.WriteString("command", Command);
            json.WriteStartObject("parameters");
            foreach (var (name, value) in Parameters)
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
            json.WriteStartArray("datasets");
            foreach (var dataset in Datasets)
            {
                json.WriteStartObject();
                json.WriteString("name", dataset.Name);
                json.WriteString("version", dataset.Version);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (Seed is { } seed)
            {
                json.WriteNumber("seed", seed);
            }
            else
            {
                json.WriteNull("seed");
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + (indented ? "\n" : "");
    }

    /// <summary>
    /// Writes an output and its sidecar (unless the output carries its provenance inside) together:
    /// both are complete before either replaces an earlier file (<see cref="AtomicFile.WriteAll"/>).
    /// </summary>
    /// <param name="outputPath">The output file.</param>
    /// <param name="write">Writes the output to the temporary path it is given.</param>
    /// <param name="cancellation">Checked before the files are moved into place.</param>
    /// <exception cref="LinchpinException">Either cannot be written; neither target has changed.</exception>
    public void WriteWith(string outputPath, Action<string> write, CancellationToken cancellation = default) =>
        AtomicFile.WriteAll(IsEmbeddedIn(outputPath)
            ? [(outputPath, write)]
            : [(outputPath, write), (SidecarPath(outputPath), temp => File.WriteAllText(temp, ToJson(indented: true)))], cancellation);
}
