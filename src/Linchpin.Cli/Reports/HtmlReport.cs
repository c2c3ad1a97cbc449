using System.Globalization;
using System.Net;
using System.Text;
using ScottPlot;

namespace Linchpin.Cli.Reports;

/// <summary>A self-contained HTML document: headings, paragraphs, tables and plots embedded as PNG data.</summary>
/// <remarks>
/// Every level-2 heading opens a collapsible section (open by default, so the page prints whole) that
/// the table of contents lists; key judgements, when given, come first. Builders add sections in
/// order, so a new section (such as validation) is one more call at its place in the composition.
/// </remarks>
internal sealed partial class HtmlReport(string title)
{
    private readonly StringBuilder _body = new();
    private readonly List<(string Id, string Title)> _sections = [];
    private readonly List<(string Text, string Source, string? Anchor)> _judgements = [];
    private bool _closed = true;

    /// <summary>The ids of the sections so far, e.g. <c>validation</c>, for links from the key judgements.</summary>
    public IReadOnlyList<string> SectionIds => [.. _sections.Select(s => s.Id)];

    /// <summary>A heading; level 2 opens a new collapsible section with an id made from <paramref name="id"/> or the text.</summary>
    public HtmlReport Heading(string text, int level = 2, string? id = null)
    {
        if (level != 2)
        {
            _body.Append(CultureInfo.InvariantCulture, $"<h{level}>{Encode(text)}</h{level}>\n");
            return this;
        }

        CloseSection();
        var anchor = UniqueId(id ?? Slug(text));
        _sections.Add((anchor, text));
        _body.Append(CultureInfo.InvariantCulture, $"<section id=\"{anchor}\"><details open><summary><h2>{Encode(text)}</h2></summary>\n<div class=\"section\">\n");
        return this;
    }

    /// <summary>A key judgement for the top of the page: one sentence with its number, its source, and the section that shows it.</summary>
    public HtmlReport Judgement(string text, string source, string? anchor = null)
    {
        _judgements.Add((text, source, anchor));
        return this;
    }

    /// <summary>Raw, already-encoded HTML (links); callers encode what they insert.</summary>
    public HtmlReport Html(string html)
    {
        _body.Append(html).Append('\n');
        return this;
    }

    public HtmlReport Paragraph(string text, string? cssClass = null)
    {
        _body.Append(cssClass is null ? "<p>" : $"<p class=\"{cssClass}\">").Append(Encode(text)).Append("</p>\n");
        return this;
    }

    public HtmlReport List(IEnumerable<string> items, string? cssClass = null)
    {
        _body.Append(cssClass is null ? "<ul>\n" : $"<ul class=\"{cssClass}\">\n");
        foreach (var item in items)
        {
            _body.Append("<li>").Append(Encode(item)).Append("</li>\n");
        }

        _body.Append("</ul>\n");
        return this;
    }

    /// <summary>A table; <c>null</c> cells print as an empty, shaded cell (missing, not zero).</summary>
    public HtmlReport Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        _body.Append("<table>\n<thead><tr>");
        foreach (var h in header)
        {
            _body.Append("<th>").Append(Encode(h)).Append("</th>");
        }

        _body.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            _body.Append("<tr>");
            foreach (var cell in row)
            {
                _body.Append(cell switch
                {
                    null => "<td class=\"na\"></td>",
                    double or int or long or Fixed => $"<td class=\"num\">{Encode(Cell(cell))}</td>",
                    _ => $"<td>{Encode(Cell(cell))}</td>",
                });
            }

            _body.Append("</tr>\n");
        }

        _body.Append("</tbody>\n</table>\n");
        return this;
    }

    public HtmlReport Plot(Plot plot, string description, int width = 1000, int height = 640)
    {
        var png = Convert.ToBase64String(plot.GetImageBytes(width, height, ImageFormat.Png));
        _body.Append(CultureInfo.InvariantCulture, $"<figure><img alt=\"{Encode(description)}\" width=\"{width}\" height=\"{height}\" src=\"data:image/png;base64,{png}\"/>")
            .Append("<figcaption>").Append(Encode(description)).Append("</figcaption></figure>\n");
        return this;
    }

    public string Render()
    {
        CloseSection();
        var top = new StringBuilder();
        if (_judgements.Count > 0)
        {
            top.Append("<section id=\"key-judgements\" class=\"judgements\"><h2>Key judgements</h2>\n<ol>\n");
            foreach (var (text, source, anchor) in _judgements)
            {
                top.Append("<li>").Append(Encode(text)).Append(" <span class=\"source\">[").Append(Encode(source)).Append(']');
                if (anchor is not null && _sections.Any(s => s.Id == anchor))
                {
                    top.Append(CultureInfo.InvariantCulture, $" <a href=\"#{anchor}\">details</a>");
                }

                top.Append("</span></li>\n");
            }

            top.Append("</ol></section>\n");
        }

        if (_sections.Count > 0)
        {
            top.Append("<nav class=\"toc\"><h2>Contents</h2>\n<ol>\n");
            foreach (var (id, text) in _sections)
            {
                top.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#{id}\">{Encode(text)}</a></li>\n");
            }

            top.Append("</ol></nav>\n");
        }

        return Page(top.ToString());
    }

    private string Page(string top) =>
        $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8"/>
        <title>{{Encode(title)}}</title>
        <style>
        body { font-family: system-ui, sans-serif; max-width: 1080px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.45; }
        h1 { border-bottom: 2px solid #4682b4; padding-bottom: .2em; }
        h2 { margin-top: 2em; border-bottom: 1px solid #ccc; }
        table { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }
        th, td { border: 1px solid #ddd; padding: .25em .6em; }
        th { background: #f0f4f8; text-align: left; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.na { background: repeating-linear-gradient(45deg, #fafafa, #fafafa 4px, #eee 4px, #eee 8px); }
        figure { margin: 1em 0; }
        figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
        figcaption, .note { color: #555; font-size: 0.9em; }
        ul.note { padding-left: 1.2em; }
        section.judgements { background: #f4f7fb; border-left: 4px solid #4682b4; padding: .2em 1em .6em; }
        section.judgements h2 { border: none; margin-top: .6em; }
        .source { color: #555; font-size: 0.85em; }
        nav.toc ol { columns: 2; }
        details > summary { cursor: pointer; list-style-position: outside; }
        details > summary h2 { display: inline; }
        .flag { color: #8a5a00; font-size: 0.85em; }
        @media print {
          body { max-width: none; margin: 0; font-size: 10pt; }
          details > summary { list-style: none; }
          figure, table, section.judgements { break-inside: avoid; }
          figure img { max-height: 45vh; width: auto; }
          nav.toc { break-after: page; }
          a { color: inherit; text-decoration: none; }
        }
        </style>
        <script>window.addEventListener("beforeprint", () => document.querySelectorAll("details").forEach(d => d.open = true));</script>
        </head>
        <body>
        <h1>{{Encode(title)}}</h1>
        {{top}}{{_body}}</body>
        </html>

        """;

    private void CloseSection()
    {
        if (_sections.Count > 0 && !_closed)
        {
            _body.Append("</div></details></section>\n");
        }

        _closed = true;
    }

    private string UniqueId(string id)
    {
        _closed = false;
        var unique = id;
        for (var i = 2; _sections.Any(s => s.Id == unique); i++)
        {
            unique = $"{id}-{i}";
        }

        return unique;
    }

    private static string Slug(string text)
    {
        var slug = NonWord().Replace(text.ToLowerInvariant(), "-").Trim('-');
        return slug.Length == 0 ? "section" : slug[..Math.Min(slug.Length, 48)].TrimEnd('-');
    }

    [System.Text.RegularExpressions.GeneratedRegex("[^a-z0-9]+")]
    private static partial System.Text.RegularExpressions.Regex NonWord();

    private static string Cell(object value) => value switch
    {
        Fixed f => f.ToString(),
        double d => Math.Abs(d) >= 1000 ? d.ToString("#,##0.#", CultureInfo.InvariantCulture) : d.ToString("0.####", CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

/// <summary>A number shown with a fixed count of decimals (percentages at two, as NATO prints them), with thousands separators and an optional note.</summary>
internal readonly record struct Fixed(double Value, int Decimals, string? Note = null)
{
    public override string ToString() =>
        Value.ToString("#,##0." + new string('0', Decimals), CultureInfo.InvariantCulture).TrimEnd('.') + (Note is null ? "" : $" ({Note})");

    /// <summary>A percentage at two decimals, or <c>null</c> (a gap) when missing.</summary>
    public static object? Percent(double? value, bool estimate = false) => value is { } v ? new Fixed(v, 2, estimate ? "est." : null) : null;

    /// <summary>An amount at <paramref name="decimals"/> decimals, or <c>null</c> when missing.</summary>
    public static object? Amount(double? value, int decimals = 1, string? note = null) => value is { } v ? new Fixed(v, decimals, note) : null;
}
