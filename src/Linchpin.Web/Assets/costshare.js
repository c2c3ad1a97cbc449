// Cost sharing: the host-nation support ledger and its negotiation events on a timeline.
"use strict";
(() => {
  const { api, el, svg, bars, notes, table, hover } = L;
  const host = document.getElementById("host"), error = document.getElementById("error");

  function timeline(container, events, first, last) {
    const width = 900, height = 120, x = L.scale(first, last + 1, 40, width - 20);
    const root = svg("svg", { viewBox: `0 0 ${width} ${height}` });
    root.append(svg("line", { x1: x(first), x2: x(last + 1), y1: 60, y2: 60, stroke: "#8895a3" }));
    for (let y = first; y <= last; y += Math.max(1, Math.round((last - first) / 12))) {
      root.append(svg("text", { x: x(y), y: 80, "text-anchor": "middle", "font-size": 11, fill: "#5d6b7a" }, y));
    }
    events.forEach((e, i) => {
      const d = new Date(e.date), when = d.getUTCFullYear() + d.getUTCMonth() / 12;
      const mark = svg("circle", { cx: x(when), cy: 60 - 10 - (i % 3) * 12, r: 5, fill: "#c0504d", class: "event" });
      hover(mark, `${e.date}: ${e.event}`);
      root.append(mark);
    });
    container.append(root);
  }

  async function show() {
    error.hidden = true;
    try {
      const [ledger, events] = await Promise.all([
        api(`/api/v1/costshare?host=${host.value}&view=full`),
        api(`/api/v1/costshare?host=${host.value}&events=true&view=full`),
      ]);
      document.getElementById("ledger-title").textContent = ledger.title;
      const rows = ledger.rows.filter(r => r.amount !== null);
      bars(document.getElementById("ledger"), rows.map(r => ({
        label: r.period, value: r.amount, color: r.kind && r.kind.includes("agreement") ? "#1f4e79" : "#6a8fb5",
        tip: `${r.period} ${r.agreement || ""}: ${L.fmt(r.amount, 1)} ${r.currency} ${r.unit}${r.change_pct !== null ? `\nchange ${L.fmt(r.change_pct, 1)} %` : ""}${r.per_soldier_million !== null ? `\nper soldier ${L.fmt(r.per_soldier_million, 3)} million` : ""}`,
      })), { yLabel: rows.length ? `${rows[0].currency} ${rows[0].unit}` : "", name: `costshare-${host.value.toLowerCase()}`, rows: ledger.rows });
      notes(document.getElementById("ledger-notes"), ledger.notes);
      const box = document.getElementById("events");
      box.replaceChildren();
      if (events.rows.length) {
        const years = events.rows.map(e => new Date(e.date).getUTCFullYear());
        const chart = el("div", { class: "chart" });
        box.append(chart);
        timeline(chart, events.rows, Math.min(...years), Math.max(...years));
        L.tools(chart, chart.querySelector("svg"), `costshare-events-${host.value.toLowerCase()}`, events.rows);
        box.append(table(events.rows));
      } else {
        box.append(el("p", { class: "muted" }, events.notes.join(" ")));
      }
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    }
  }

  host.addEventListener("change", show);
  show();
})();
