// Burden: NATO members against the targets, the trend since 2014, the exploitation test, fair shares.
"use strict";
(() => {
  const { api, bars, lines, scatter, notes } = L;
  const year = document.getElementById("year"), edition = document.getElementById("edition"), rule = document.getElementById("rule");
  const error = document.getElementById("error");
  const targets = [{ y: 2, label: "2 %", color: "#a4262c" }, { y: 3.5, label: "3.5 %", color: "#d98c1f" }, { y: 5, label: "5 %", color: "#7a4f9a" }];
  for (let y = 2025; y >= 2014; y--) year.append(L.el("option", { value: y }, y));
  year.value = "2024";

  const query = () => {
    const q = new URLSearchParams({ year: year.value, view: "full" });
    if (edition.value.trim()) q.set("edition", edition.value.trim());
    return q;
  };

  async function members() {
    const data = await api(`/api/v1/burden?${query()}`);
    document.getElementById("members-title").textContent = data.title;
    const rows = data.rows.filter(r => r.pct_gdp !== null).sort((a, b) => b.pct_gdp - a.pct_gdp);
    bars(document.getElementById("members"), rows.map(r => ({
      label: r.iso3, value: r.pct_gdp, color: r.iso3 === "USA" ? "#c0504d" : r.meets_target ? "#1f4e79" : "#8fb0cf",
      tip: `${r.country}: ${L.fmt(r.pct_gdp, 2)} % of GDP${r.estimate ? " (estimate)" : ""}\nshare of spending ${L.fmt(r.spending_share, 3)}, of GDP ${L.fmt(r.gdp_share, 3)}`,
    })), { yLabel: "defence spending, % of GDP", hlines: targets, name: `nato-burden-${year.value}`, rows: data.rows });
    notes(document.getElementById("members-notes"), data.notes);
  }

  async function trend() {
    const to = Math.max(2014, +year.value);
    const data = await api(`/api/v1/burden/trend?from=2014&to=${to}&view=full`);
    const rows = data.rows.filter(r => r.median_pct_gdp !== null);
    lines(document.getElementById("trend"), [
      { name: "median ally", points: rows.map(r => [r.year, r.median_pct_gdp]) },
      { name: "alliance", points: rows.map(r => [r.year, r.alliance_pct_gdp]) },
      { name: "meeting 2 % (count ÷ 10)", points: rows.map(r => [r.year, r.meeting_2 / 10]), color: "#4f8f3a" },
    ], { yLabel: "% of GDP", hlines: targets.slice(0, 1), name: `nato-trend-2014-${to}`, rows: data.rows, xFormat: v => String(Math.round(v)) });
  }

  async function test() {
    const data = await api(`/api/v1/burden/test?${query()}`);
    const first = data.rows[0] || {};
    scatter(document.getElementById("test"), data.rows.map(r => ({ x: Math.log(r.gdp), y: r.pct_gdp, label: r.iso3 })),
      { xLabel: "ln GDP", yLabel: "% of GDP", line: first.ols_intercept !== null && first.ols_intercept !== undefined ? [first.ols_intercept, first.ols_slope] : null,
        name: `nato-exploitation-${year.value}`, rows: data.rows });
    notes(document.getElementById("test-notes"), data.notes);
  }

  async function shares() {
    const q = query();
    q.set("rule", rule.value);
    const data = await api(`/api/v1/burden/shares?${q}`);
    const rows = data.rows.filter(r => r.assigned !== null).sort((a, b) => (b.ratio || 0) - (a.ratio || 0));
    bars(document.getElementById("shares"), rows.map(r => ({
      label: r.iso3, value: r.ratio, color: r.ratio >= 1 ? "#1f4e79" : "#8fb0cf",
      tip: `${r.country}: actual ${L.fmt(r.actual, 0)}, fair share ${L.fmt(r.assigned, 0)} (${r.money_basis})\nratio ${L.fmt(r.ratio, 3)}`,
    })), { yLabel: `actual ÷ fair share (${rule.value})`, hlines: [{ y: 1, label: "fair", color: "#5d6b7a" }], name: `nato-shares-${rule.value}-${year.value}`, rows: data.rows });
    notes(document.getElementById("shares-notes"), data.notes);
  }

  async function all() {
    error.hidden = true;
    const results = await Promise.allSettled([members(), trend(), test(), shares()]);
    const failed = results.find(r => r.status === "rejected");
    if (failed) { error.textContent = failed.reason.message; error.hidden = false; }
  }

  year.addEventListener("change", all);
  edition.addEventListener("change", all);
  rule.addEventListener("change", () => shares().catch(e => { error.textContent = e.message; error.hidden = false; }));
  all();
})();
