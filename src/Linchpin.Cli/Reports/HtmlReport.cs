using System.Globalization;
using System.Net;
using System.Text;
using ScottPlot;

namespace Linchpin.Cli.Reports;

/// <summary>A self-contained HTML document: headings, paragraphs, tables and plots embedded as PNG data.</summary>
internal sealed class HtmlReport(string title)
{
    private readonly StringBuilder _body = new();

    public HtmlReport Heading(string text, int level = 2)
    {
        _body.Append(CultureInfo.InvariantCulture, $"<h{level}>{Encode(text)}</h{level}>\n");
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
                    double or int or long => $"<td class=\"num\">{Encode(Cell(cell))}</td>",
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

    public string Render() =>
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
        </style>
        </head>
        <body>
        <h1>{{Encode(title)}}</h1>
        {{_body}}</body>
        </html>

        """;

    private static string Cell(object value) => value switch
    {
        double d => Math.Abs(d) >= 1000 ? d.ToString("N0", CultureInfo.InvariantCulture) : d.ToString("0.####", CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
