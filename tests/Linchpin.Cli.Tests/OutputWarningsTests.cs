using System.Text.Json;

namespace Linchpin.Cli.Tests;

/// <summary>A result's warnings reach every output format: a printed table, JSON, CSV (standard error and a file's provenance sidecar).</summary>
public sealed class OutputWarningsTests : IDisposable
{
    // NATO's 2025-08 edition gives 2025 figures for 15 of the 31 allies with armed forces.
    private const string Partial = "partial: edition 2025-08 gives figures for 15 of the 31 allies with armed forces in 2025";

    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Json_carries_the_partial_data_warning_in_a_warnings_array_apart_from_the_notes()
    {
        var (exit, output, error) = _cli.Run("burden", "--year", "2025", "--format", "json");
        Assert.True(exit == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(15, root.GetProperty("rows").GetArrayLength());
        var warning = Assert.Single(root.GetProperty("warnings").EnumerateArray()).GetString()!;
        Assert.StartsWith(Partial, warning, StringComparison.Ordinal);
        Assert.Contains("missing: BGR, DEU, DNK", warning, StringComparison.Ordinal);
        var notes = root.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.Contains(notes, n => n.StartsWith("2% of GDP (Wales 2014): 15 of 15 members with a figure in edition 2025-08", StringComparison.Ordinal));
        Assert.DoesNotContain(notes, n => n.StartsWith("partial:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_complete_year_has_an_empty_warnings_array()
    {
        var (exit, output, error) = _cli.Run("burden", "--year", "2024", "--format", "json");
        Assert.True(exit == 0, error);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.Equal(31, root.GetProperty("rows").GetArrayLength());
        Assert.Equal(0, root.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public void Csv_keeps_standard_output_to_the_rows_and_says_the_warning_on_standard_error()
    {
        var (exit, output, error) = _cli.Run("burden", "--year", "2025", "--format", "csv");
        Assert.True(exit == 0, error);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.StartsWith("iso3,country,year,", lines[0], StringComparison.Ordinal);
        Assert.Equal(16, lines.Length);
        Assert.StartsWith("warning: " + Partial, Assert.Single(error.Trim().Split('\n')), StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_prints_the_warning_under_the_notes()
    {
        var (exit, output, error) = _cli.Run("burden", "--year", "2025");
        Assert.True(exit == 0, error);
        // A table wraps long lines at the console's width; the warning comes last, after every note.
        var text = output.ReplaceLineEndings("\n").Replace("\n", "", StringComparison.Ordinal);
        var warning = text.IndexOf("warning: " + Partial, StringComparison.Ordinal);
        Assert.True(warning > text.LastIndexOf("note: ", StringComparison.Ordinal), output);
        Assert.Contains("note: 2% of GDP (Wales 2014): 15 of 15 members with a figure in edition 2025-08", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("burden")]
    [InlineData("burden", "test")]
    public void A_plot_sidecar_carries_the_warnings_of_the_result_it_plots(params string[] command)
    {
        // 2025 has no GDP, so the exploitation test refuses it; the 2021 edition's 2021 figures are partial.
        var year = command.Length == 1 ? "2025" : "2021";
        var plot = _cli.File("p.svg");
        var (exit, output, error) = _cli.Run([.. command, "--year", year, "--plot", plot, "--format", "json"]);
        Assert.True(exit == 0, error);
        var expected = JsonDocument.Parse(output).RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ToList();
        Assert.NotEmpty(expected);
        using var sidecar = JsonDocument.Parse(File.ReadAllText(plot + ".provenance.json"));
        Assert.Equal(expected, sidecar.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
    }

    [Fact]
    public void A_plot_of_a_complete_year_has_a_sidecar_without_warnings()
    {
        var plot = _cli.File("p.svg");
        Assert.Equal(0, _cli.Run("burden", "--year", "2024", "--plot", plot).Exit);
        using var sidecar = JsonDocument.Parse(File.ReadAllText(plot + ".provenance.json"));
        Assert.Equal(0, sidecar.RootElement.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public void A_simulation_s_mixed_basis_warning_is_in_its_json_and_said_once_for_csv()
    {
        var file = _cli.File("mixed.yaml");
        File.WriteAllText(file, "name: x\nstart: 2019\nyears: 3\npatron: {iso3: USA}\nallow_mixed_basis: true\nallies:\n  - {iso3: KOR}\n  - {iso3: NZL}\ndoctrine: {transactional: 0.5}\n");
        var json = _cli.Run("simulate", "--scenario", file, "--runs", "10", "--format", "json");
        Assert.True(json.Exit == 0, json.Error);
        var warning = Assert.Single(JsonDocument.Parse(json.Out).RootElement.GetProperty("warnings").EnumerateArray()).GetString()!;
        Assert.StartsWith("NZL starts at ", warning, StringComparison.Ordinal);

        var csv = _cli.Run("simulate", "--scenario", file, "--runs", "10", "--format", "csv");
        Assert.True(csv.Exit == 0, csv.Error);
        Assert.Equal("warning: " + warning, Assert.Single(csv.Error.Trim().Split('\n')));
    }
}
