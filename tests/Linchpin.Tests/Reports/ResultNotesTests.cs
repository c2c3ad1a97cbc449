using Linchpin.Data;
using Linchpin.Reports;

namespace Linchpin.Tests.Reports;

/// <summary>The one rule that tells a result's warnings from its notes, and the JSON document that carries both.</summary>
public class ResultNotesTests
{
    private static readonly string[] Notes =
    [
        "NATO edition 2025-08: % of GDP as published",
        "partial: edition 2025-08 gives figures for 15 of the 31 allies with armed forces in 2025",
        "warning: NZL starts at 1.1 % of GDP on a mixed price basis",
        "a warning: in the middle is not one",
    ];

    [Fact]
    public void Warnings_are_the_notes_that_begin_with_warning_or_partial_in_order_without_the_warning_prefix()
    {
        Assert.Equal(
            ["partial: edition 2025-08 gives figures for 15 of the 31 allies with armed forces in 2025", "NZL starts at 1.1 % of GDP on a mixed price basis"],
            ResultNotes.Warnings(Notes));
        Assert.Equal(["NATO edition 2025-08: % of GDP as published", "a warning: in the middle is not one"], ResultNotes.Others(Notes));
        Assert.False(ResultNotes.IsWarning("Warning: capitalised is a note"));
    }

    [Fact]
    public void The_json_document_holds_rows_notes_and_warnings_and_both_arrays_when_empty()
    {
        var table = new ResultTable([new("iso3", typeof(string)), new("pct_gdp", typeof(double))], [["POL", 4.12], ["ESP", null]]);
        Assert.Equal(
            """
            {
              "rows": [
                {
                  "iso3": "POL",
                  "pct_gdp": 4.12
                },
                {
                  "iso3": "ESP",
                  "pct_gdp": null
                }
              ],
              "notes": [
                "NATO edition 2025-08: % of GDP as published",
                "a warning: in the middle is not one"
              ],
              "warnings": [
                "partial: edition 2025-08 gives figures for 15 of the 31 allies with armed forces in 2025",
                "NZL starts at 1.1 % of GDP on a mixed price basis"
              ]
            }
            """.ReplaceLineEndings(Environment.NewLine),
            ResultJson.Document(table, Notes));
        Assert.Equal(
            """
            {
              "rows": [],
              "notes": [],
              "warnings": []
            }
            """.ReplaceLineEndings(Environment.NewLine),
            ResultJson.Document(new ResultTable([new("iso3", typeof(string))], []), []));
    }

    [Fact]
    public void A_provenance_carries_its_warnings_after_the_seed()
    {
        var provenance = new Provenance("linchpin burden --year 2025 --plot p.svg", [], [new("nato_spending", "2025-08")])
        {
            ToolVersion = "9.9.9",
            Warnings = ["partial: 15 of 31", "NZL on a mixed basis"],
        };
        Assert.Equal(
            """{"tool":"Linchpin","tool_version":"9.9.9","command":"linchpin burden --year 2025 --plot p.svg","parameters":{},"datasets":[{"name":"nato_spending","version":"2025-08"}],"seed":null,"warnings":["partial: 15 of 31","NZL on a mixed basis"]}""",
            provenance.ToJson());
    }
}
