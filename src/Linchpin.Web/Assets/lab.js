// Scenario lab: edit a scenario (errors at their line), run its ensemble with live progress, compare two runs.
"use strict";
(() => {
  const { api, el, lines, histogram, table } = L;
  const select = document.getElementById("scenario"), yaml = document.getElementById("yaml"), gutter = document.getElementById("gutter");
  const validation = document.getElementById("validation"), doctrine = document.getElementById("doctrine"), doctrineLabel = document.getElementById("doctrine-label");
  const runButton = document.getElementById("run"), runs = document.getElementById("runs"), seed = document.getElementById("seed");
  const progressBox = document.getElementById("progress-box"), progress = document.getElementById("progress"), progressText = document.getElementById("progress-text");
  const view = document.getElementById("runs-view");
  let builtIn = "", badLine = null, timer = null, valid = false, counter = 0;

  function numberLines() {
    const count = yaml.value.split("\n").length;
    gutter.replaceChildren(...Array.from({ length: count }, (_, i) => el("span", i + 1 === badLine ? { class: "bad", "data-line": i + 1 } : { "data-line": i + 1 }, `${i + 1}\n`)));
    gutter.scrollTop = yaml.scrollTop;
  }

  const doctrinePattern = /(doctrine:[^\n]*?transactional:\s*)([0-9]*\.?[0-9]+)/;
  function readDoctrine() {
    const match = yaml.value.match(doctrinePattern);
    doctrine.disabled = !match;
    if (match) { doctrine.value = match[2]; doctrineLabel.textContent = match[2]; }
  }

  async function validate() {
    try {
      const result = await api("/api/v1/scenarios/validate", { method: "POST", headers: { "content-type": "text/plain" }, body: yaml.value });
      badLine = null;
      valid = true;
      validation.className = "muted";
      validation.textContent = result.message + (result.warnings.length ? ` — warnings: ${result.warnings.join("; ")}` : "");
    } catch (e) {
      valid = false;
      badLine = e.problem && e.problem.line ? e.problem.line : null;
      validation.className = "error";
      validation.textContent = badLine ? `line ${badLine}: ${e.message}` : e.message;
    }
    runButton.disabled = !valid;
    numberLines();
  }

  function edited() {
    numberLines();
    clearTimeout(timer);
    timer = setTimeout(validate, 300);
  }

  async function load(name) {
    const data = await api(`/api/v1/scenarios/${name}`);
    builtIn = data[0].text;
    yaml.value = builtIn;
    readDoctrine();
    edited();
  }

  function panel(state, summary, bands, settlements) {
    const number = ++counter;
    const box = el("div", { class: "run", "data-run": state.id });
    const base = `/api/v1/runs/${state.id}`;
    box.append(el("h3", {}, `Run ${number}: ${state.scenario}, ${state.runs} runs, seed ${state.seed}`));
    box.append(el("div", { class: "downloads" },
      ...[["summary", "summary (JSON)"], ["summary.csv", "summary.csv"], ["trajectories.parquet", "trajectories.parquet"], ["events.csv", "events.csv"], ["manifest.json", "manifest"]]
        .map(([file, text]) => el("a", { href: `${base}/${file}`, download: file === "summary" ? `${state.scenario}-summary.json` : file }, text))));
    box.append(el("h4", {}, "Probabilities over the horizon"), table(summary,
      ["iso3", "p_settlement", "p_breakdown", "p_hedging", "p_exit", "settlement_median", "settlement_p05", "settlement_p95", "pct_gdp_start", "pct_gdp_end_median"]));
    const allies = [...new Set(bands.map(b => b.iso3))];
    for (const [variable, title] of [["pct_gdp", "Defence spending, % of GDP (median, 5–95 % band)"], ["belief", "Belief in the patron's commitment"]]) {
      const chart = el("div", { class: "chart fan", "data-variable": variable });
      box.append(el("h4", {}, title), chart);
      const rows = bands.filter(b => b.variable === variable);
      lines(chart, allies.map(a => {
        const own = rows.filter(r => r.iso3 === a).sort((p, q) => p.year - q.year);
        return { name: a, points: own.map(r => [r.year, r.median]), band: own.map(r => [r.year, r.p05, r.p95]) };
      }).filter(s => s.points.length), { width: 560, height: 260, name: `${state.scenario}-${variable}-run${number}`, rows, xFormat: v => String(Math.round(v)) });
    }
    const first = settlements.length ? settlements[0].iso3 : null;
    const chart = el("div", { class: "chart" });
    box.append(el("h4", {}, first ? `Settlement distribution (${first}, first settled payment)` : "Settlement distribution"), chart);
    histogram(chart, settlements.filter(s => s.iso3 === first).map(s => s.settlement),
      { width: 560, height: 240, yLabel: "share of runs", name: `${state.scenario}-settlements-run${number}`, empty: "no cost-sharing settlement in these runs" });
    view.prepend(box);
    while (view.children.length > 2) view.lastElementChild.remove();
  }

  async function run() {
    runButton.disabled = true;
    const body = { scenario: yaml.value === builtIn ? select.value : yaml.value, runs: +runs.value, seed: +seed.value };
    progressBox.hidden = false;
    progress.value = 0;
    progressText.textContent = "queued";
    try {
      const state = await api("/api/v1/runs", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const final = await new Promise((resolve, reject) => {
        const source = new EventSource(`/api/v1/runs/${state.id}/progress`);
        source.addEventListener("progress", e => {
          const s = JSON.parse(e.data);
          progress.value = s.progress;
          progressText.textContent = `${s.status}: ${s.done} of ${s.runs} runs`;
          if (["done", "failed", "cancelled"].includes(s.status)) { source.close(); resolve(s); }
        });
        source.onerror = () => { source.close(); api(`/api/v1/runs/${state.id}`).then(resolve, reject); };
      });
      if (final.status !== "done") throw new Error(`run ${final.status}${final.error ? ": " + final.error : ""}`);
      const [summary, bands, settlements] = await Promise.all([
        api(`/api/v1/runs/${state.id}/summary`), api(`/api/v1/runs/${state.id}/bands`), // A very large ensemble keeps only the settlement band, not every draw.
        api(`/api/v1/runs/${state.id}/settlements`).catch(() => [])]);
      panel(final, summary, bands, settlements);
    } catch (e) {
      progressText.textContent = e.message;
      progressText.className = "error";
      setTimeout(() => { progressText.className = ""; }, 4000);
    } finally {
      runButton.disabled = !valid;
    }
  }

  yaml.addEventListener("input", edited);
  yaml.addEventListener("scroll", () => { gutter.scrollTop = yaml.scrollTop; });
  doctrine.addEventListener("input", () => {
    doctrineLabel.textContent = doctrine.value;
    yaml.value = yaml.value.replace(doctrinePattern, (_, head) => head + doctrine.value);
    edited();
  });
  select.addEventListener("change", () => load(select.value));
  runButton.addEventListener("click", run);
  api("/api/v1/scenarios").then(list => {
    select.replaceChildren(...list.map(s => el("option", { value: s.name }, `${s.name}: ${s.title}`)));
    return load(list[0].name);
  }).catch(e => { validation.className = "error"; validation.textContent = e.message; });
})();
