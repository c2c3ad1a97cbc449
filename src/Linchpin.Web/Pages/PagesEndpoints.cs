using System.Net;
using System.Text;

namespace Linchpin.Web.Pages;

/// <summary>The dashboard's pages: server-rendered shells whose scripts (served by this app) draw the charts from the API.</summary>
internal static class PagesEndpoints
{
    private static readonly (string Path, string Name)[] Navigation =
        [("/", "Atlas"), ("/burden", "Burden"), ("/costshare", "Cost sharing"), ("/lab", "Scenario lab"), ("/games", "Games")];

    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app)
    {
        Page(app, "/", "Atlas", "atlas.js", """
            <p class="lead">The alliance network of a year (ATOP 5.1 pledges; states of the COW system sized by CINC, NMC 7.0).
            Lines are pledges, coloured by their strongest obligation; an arrow is a one-sided pledge. Click a state.</p>
            <div class="controls">
              <label>Year <input id="year" type="range" min="1816" max="2018" value="2018" step="1"></label>
              <output id="year-label">2018</output>
              <span id="network-count" class="muted"></span>
            </div>
            <div class="legend" id="legend"></div>
            <div class="split">
              <div id="network" class="chart big" aria-label="alliance network"></div>
              <aside id="state" class="panel"><p class="muted">Click a state for its treaties, its portfolio similarity to the United States over time, and its NMC figures.</p></aside>
            </div>
            """);
        Page(app, "/burden", "Burden sharing", "burden.js", """
            <p class="lead">NATO burden sharing by year and edition: every ally's defence spending as % of GDP against the 2 %, 3.5 % and 5 % lines,
            the trend since 2014, the Olson–Zeckhauser exploitation test and fair shares. Hover for values.</p>
            <div class="controls">
              <label>Year <select id="year"></select></label>
              <label>Edition <input id="edition" placeholder="default: most allies" size="14"></label>
              <label>Fair-share rule <select id="rule"><option>gdp</option><option>population</option><option>exposure</option><option>equal</option></select></label>
            </div>
            <p id="error" class="error" hidden></p>
            <section><h2 id="members-title">Members</h2><div id="members" class="chart"></div><ul id="members-notes" class="notes"></ul></section>
            <section><h2>Trend since 2014</h2><div id="trend" class="chart"></div></section>
            <section><h2>Exploitation test</h2><div id="test" class="chart"></div><ul id="test-notes" class="notes"></ul></section>
            <section><h2>Fair shares</h2><div id="shares" class="chart"></div><ul id="shares-notes" class="notes"></ul></section>
            """);
        Page(app, "/costshare", "Cost sharing", "costshare.js", """
            <p class="lead">Host-nation support for US forces: the US–ROK Special Measures Agreements and US–Japan host-nation support, with the negotiation events on a timeline.</p>
            <div class="controls"><label>Host <select id="host"><option value="KOR">Republic of Korea (SMA)</option><option value="JPN">Japan (HNS)</option></select></label></div>
            <p id="error" class="error" hidden></p>
            <section><h2 id="ledger-title">Ledger</h2><div id="ledger" class="chart"></div><ul id="ledger-notes" class="notes"></ul></section>
            <section><h2>Negotiation events</h2><div id="events"></div></section>
            """);
        Page(app, "/lab", "Scenario lab", "lab.js", """
            <p class="lead">Pick a built-in scenario or edit its YAML; errors are shown at their line. Change the doctrine, runs and seed, run the ensemble and watch it progress;
            the last two runs are shown side by side.</p>
            <div class="controls">
              <label>Scenario <select id="scenario"></select></label>
              <label>Doctrine (transactional) <input id="doctrine" type="range" min="0" max="1" step="0.05"></label><output id="doctrine-label"></output>
              <label>Runs <input id="runs" type="number" min="1" max="1000000" value="200" size="8"></label>
              <label>Seed <input id="seed" type="number" min="0" value="42" size="8"></label>
              <button id="run" type="button">Run</button>
            </div>
            <div class="editor"><pre id="gutter" aria-hidden="true"></pre><textarea id="yaml" spellcheck="false" rows="24" aria-label="scenario YAML"></textarea></div>
            <p id="validation" class="muted"></p>
            <div id="progress-box" hidden><progress id="progress" max="1" value="0"></progress> <span id="progress-text"></span></div>
            <div id="runs-view" class="columns"></div>
            """);
        Page(app, "/games", "Games", "games.js", """
            <p class="lead">The alliance games with the same inputs and outputs as <code>linchpin game</code>: edit the input (YAML or JSON) and solve.</p>
            <div class="controls">
              <label>Game <select id="game"></select></label>
              <label>Shapley permutations <input id="permutations" type="number" min="2" placeholder="exact" size="8"></label>
              <button id="solve" type="button">Solve</button>
            </div>
            <textarea id="input" spellcheck="false" rows="14" aria-label="game input"></textarea>
            <p id="error" class="error" hidden></p>
            <div id="result"></div>
            """);
        return app;
    }

    private static void Page(IEndpointRouteBuilder app, string path, string title, string script, string body) =>
        app.MapGet(path, () => TypedResults.Content(Layout(path, title, script, body), "text/html; charset=utf-8")).ExcludeFromDescription();

    private static string Layout(string path, string title, string script, string body)
    {
        var nav = new StringBuilder();
        foreach (var (target, name) in Navigation)
        {
            nav.Append("<a href=\"").Append(target).Append('"').Append(target == path ? " aria-current=\"page\"" : "").Append('>').Append(WebUtility.HtmlEncode(name)).Append("</a>");
        }

        return $$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{WebUtility.HtmlEncode(title)}} · Linchpin</title>
            <link rel="stylesheet" href="/assets/app.css?v={{Assets.Tag("app.css")}}">
            <link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
            </head>
            <body>
            <header><strong class="brand">Linchpin</strong><nav>{{nav}}</nav><a class="api" href="/openapi/v1.json">API</a></header>
            <main>
            <h1>{{WebUtility.HtmlEncode(title)}}</h1>
            {{body}}
            </main>
            <footer>Data: ATOP 5.1 and 4.01, COW state system 2016, NMC 7.0, NATO defence expenditure releases, US–ROK SMA and US–Japan HNS records (see the API's /api/v1/datasets/cite). Linchpin {{Data.DatasetCatalog.ToolVersion}}.</footer>
            <script src="/assets/app.js?v={{Assets.Tag("app.js")}}"></script>
            <script src="/assets/{{script}}?v={{Assets.Tag(script)}}"></script>
            </body>
            </html>
            """;
    }
}
