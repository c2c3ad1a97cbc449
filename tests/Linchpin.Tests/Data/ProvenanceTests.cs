using System.Text.Json;
using Linchpin.Data;
using Linchpin.Tests.TestSupport;

namespace Linchpin.Tests.Data;

/// <summary>Every output file records the Linchpin version, the command, its parameters and the dataset versions.</summary>
public class ProvenanceTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private readonly WorldStore _store = fixture.Store;

    private static Provenance Sample(long? seed = null) => new(
        "linchpin dyads --from 1990 --to 1990 --out 'my file.parquet'",
        [new("from", "1990"), new("to", "1990")],
        [.. ShippedDyadData.DatasetsFor(DyadJoins.Atop | DyadJoins.Nmc).Select(DatasetVersion.Of)],
        seed);

    private static DyadFrame Frame() =>
        DyadYears.Build(ShippedDyadData.Load(DyadJoins.Atop | DyadJoins.Nmc), new DyadYearRequest(1990, 1990, true, DyadJoins.Atop | DyadJoins.Nmc));

    [Fact]
    public void Json_names_tool_version_command_parameters_datasets_and_seed()
    {
        using var json = JsonDocument.Parse(Sample(seed: 42).ToJson());
        var root = json.RootElement;
        Assert.Equal(DatasetCatalog.ToolVersion, root.GetProperty("tool_version").GetString());
        Assert.Equal("linchpin dyads --from 1990 --to 1990 --out 'my file.parquet'", root.GetProperty("command").GetString());
        Assert.Equal("1990", root.GetProperty("parameters").GetProperty("to").GetString());
        Assert.Equal(
            ["cow_states 2016", "atop_ddy 5.1", "nmc 7.0"],
            root.GetProperty("datasets").EnumerateArray().Select(d => d.GetProperty("name").GetString() + " " + d.GetProperty("version").GetString()));
        Assert.Equal(42, root.GetProperty("seed").GetInt64());
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(Sample().ToJson()).RootElement.GetProperty("seed").ValueKind);
    }

    [Fact]
    public void Dyad_parquet_carries_it_as_key_value_metadata_and_reruns_are_byte_identical()
    {
        using var home = new TempHome();
        var path = home.File("d.parquet");
        var frame = Frame();
        DyadFrameFile.Write(frame, path, Sample());
        var first = File.ReadAllBytes(path);
        DyadFrameFile.Write(frame, path, Sample());
        Assert.Equal(first, File.ReadAllBytes(path));
        Assert.False(File.Exists(Provenance.SidecarPath(path)));

        using var json = JsonDocument.Parse(ReadKeyValue(path));
        Assert.Equal(DatasetCatalog.ToolVersion, json.RootElement.GetProperty("tool_version").GetString());
        Assert.Equal("7.0", json.RootElement.GetProperty("datasets").EnumerateArray().Single(d => d.GetProperty("name").GetString() == "nmc").GetProperty("version").GetString());
        Assert.Equal((long)frame.RowCount, Convert.ToInt64(_store.Query($"SELECT count(*) FROM read_parquet({Literal(path)})").Rows[0][0], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Dyad_csv_gets_a_sidecar_naming_the_datasets()
    {
        using var home = new TempHome();
        var path = home.File("d.csv");
        DyadFrameFile.Write(Frame(), path, Sample());
        var sidecar = home.File("d.csv.provenance.json");
        Assert.True(File.Exists(sidecar));
        using var json = JsonDocument.Parse(File.ReadAllText(sidecar));
        Assert.Equal(["cow_states", "atop_ddy", "nmc"], json.RootElement.GetProperty("datasets").EnumerateArray().Select(d => d.GetProperty("name").GetString()));
        Assert.Equal(
            $$"""
            {
              "tool": "Linchpin",
              "tool_version": "{{DatasetCatalog.ToolVersion}}",
              "command": "linchpin dyads --from 1990 --to 1990 --out 'my file.parquet'",
              "parameters": {
                "from": "1990",
                "to": "1990"
              },
              "datasets": [
                {
                  "name": "cow_states",
                  "version": "2016"
                },
                {
                  "name": "atop_ddy",
                  "version": "5.1"
                },
                {
                  "name": "nmc",
                  "version": "7.0"
                }
              ],
              "seed": null
            }

            """.ReplaceLineEndings("\n"),
            File.ReadAllText(sidecar));
    }

    [Fact]
    public void Store_export_to_parquet_carries_it_and_to_json_gets_a_sidecar()
    {
        using var home = new TempHome();
        var nmc = _store.Dataset("nmc");
        var provenance = new Provenance("linchpin data export nmc", [new("dataset", "nmc")], [DatasetVersion.Of(nmc)]);
        var sql = $"SELECT * FROM {_store.Require("nmc")} WHERE year = 2000";
        var parquet = home.File("n.parquet");
        Assert.Equal(191, _store.Export(sql, parquet, provenance));
        using (var json = JsonDocument.Parse(ReadKeyValue(parquet)))
        {
            Assert.Equal(DatasetCatalog.ToolVersion, json.RootElement.GetProperty("tool_version").GetString());
            Assert.Equal("7.0", json.RootElement.GetProperty("datasets")[0].GetProperty("version").GetString());
        }

        var jsonFile = home.File("n.json");
        _store.Export(sql, jsonFile, provenance);
        Assert.Equal(
            $$"""{"tool":"Linchpin","tool_version":"{{DatasetCatalog.ToolVersion}}","command":"linchpin data export nmc","parameters":{"dataset":"nmc"},"datasets":[{"name":"nmc","version":"7.0"}],"seed":null}""",
            JsonSerializer.Serialize(JsonDocument.Parse(File.ReadAllText(Provenance.SidecarPath(jsonFile))).RootElement));
    }

    private string ReadKeyValue(string path)
    {
        var rows = _store.Query($"SELECT decode(key), decode(value) FROM parquet_kv_metadata({Literal(path)})").Rows;
        return (string)rows.Single(r => (string?)r[0] == Provenance.MetadataKey)[1]!;
    }

    private static string Literal(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";
}
