// Atlas: the alliance network of a year, and a state's profile.
"use strict";
(() => {
  const { api, svg, el, fmt, table, lines, hover } = L;
  const kinds = [
    ["defense", "#c0392b", "defence"], ["offense", "#d98c1f", "offence"], ["neutral", "#2a7ab0", "neutrality"],
    ["nonagg", "#4f8f3a", "non-aggression"], ["consul", "#8895a3", "consultation"],
  ];
  const slider = document.getElementById("year"), label = document.getElementById("year-label");
  const holder = document.getElementById("network"), panel = document.getElementById("state"), count = document.getElementById("network-count");
  document.getElementById("legend").replaceChildren(...kinds.map(([, c, n]) => el("span", {}, el("i", { style: `background:${c}` }), n)),
    el("span", {}, "→ one-sided pledge"), el("span", {}, "circle area ∝ CINC"));
  const positions = new Map();
  let pending = 0, selected = null;

  function strongest(e) { return kinds.find(([k]) => e[k] === 1) || kinds[4]; }

  function layout(nodes, edges, width, height) {
    const index = new Map(nodes.map((n, i) => [n.ccode, i]));
    const p = nodes.map(n => positions.get(n.ccode) || (() => {
      const a = (n.ccode * 2.399963) % (2 * Math.PI), r = 0.25 + ((n.ccode * 7919) % 100) / 300;
      return { x: width / 2 + Math.cos(a) * r * width, y: height / 2 + Math.sin(a) * r * height };
    })()).map(q => ({ x: q.x, y: q.y }));
    const k = Math.sqrt((width * height) / Math.max(1, nodes.length)) * 0.55;
    const links = edges.map(e => [index.get(e.ccode1), index.get(e.ccode2)]).filter(([a, b]) => a !== undefined && b !== undefined);
    let t = width / 10;
    for (let iter = 0; iter < 120; iter++) {
      const d = p.map(() => ({ x: 0, y: 0 }));
      for (let i = 0; i < p.length; i++) {
        for (let j = i + 1; j < p.length; j++) {
          let dx = p[i].x - p[j].x, dy = p[i].y - p[j].y;
          const dist2 = Math.max(0.01, dx * dx + dy * dy), f = (k * k) / dist2;
          d[i].x += dx * f; d[i].y += dy * f; d[j].x -= dx * f; d[j].y -= dy * f;
        }
      }
      for (const [a, b] of links) {
        const dx = p[a].x - p[b].x, dy = p[a].y - p[b].y, dist = Math.max(0.1, Math.hypot(dx, dy)), f = dist / k;
        d[a].x -= dx * f; d[a].y -= dy * f; d[b].x += dx * f; d[b].y += dy * f;
      }
      for (let i = 0; i < p.length; i++) {
        d[i].x += (width / 2 - p[i].x) * 0.02; d[i].y += (height / 2 - p[i].y) * 0.02;
        const len = Math.max(0.01, Math.hypot(d[i].x, d[i].y)), step = Math.min(len, t);
        p[i].x = Math.min(width - 20, Math.max(20, p[i].x + (d[i].x / len) * step));
        p[i].y = Math.min(height - 20, Math.max(20, p[i].y + (d[i].y / len) * step));
      }
      t *= 0.96;
    }
    nodes.forEach((n, i) => positions.set(n.ccode, p[i]));
    return p;
  }

  async function draw(year) {
    const ticket = ++pending;
    label.textContent = year;
    const data = await api(`/api/v1/atlas/network?year=${year}`);
    if (ticket !== pending) return;
    const width = 900, height = 640;
    const nodes = data.nodes, edges = data.edges;
    const p = layout(nodes, edges, width, height);
    const at = new Map(nodes.map((n, i) => [n.ccode, p[i]]));
    const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, "data-year": year, "data-nodes": nodes.length, "data-edges": edges.length });
    const defs = svg("defs");
    for (const [k, c] of kinds) defs.append(svg("marker", { id: `arrow-${k}`, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, svg("path", { d: "M0,0 L10,5 L0,10 z", fill: c })));
    root.append(defs);
    const radius = n => 3 + Math.sqrt(Math.max(0, n.cinc || 0)) * 60;
    for (const e of edges) {
      const a = at.get(e.ccode1), b = at.get(e.ccode2);
      if (!a || !b) continue;
      const [k, c] = strongest(e);
      const oneSided = e.pledge_1to2 !== e.pledge_2to1;
      const [from, to, target] = e.pledge_2to1 && !e.pledge_1to2 ? [b, a, nodes.find(n => n.ccode === e.ccode1)] : [a, b, nodes.find(n => n.ccode === e.ccode2)];
      const len = Math.max(1, Math.hypot(to.x - from.x, to.y - from.y)), cut = oneSided ? radius(target) + 2 : 0;
      const line = svg("line", {
        x1: from.x, y1: from.y, x2: to.x - ((to.x - from.x) / len) * cut, y2: to.y - ((to.y - from.y) / len) * cut,
        stroke: c, "stroke-opacity": 0.45, "stroke-width": k === "defense" ? 1.4 : 1, class: oneSided ? "edge one-sided" : "edge",
        "marker-end": oneSided ? `url(#arrow-${k})` : null,
      });
      root.append(line);
    }
    nodes.forEach((n, i) => {
      const g = svg("g", { class: "node", "data-ccode": n.ccode, style: "cursor:pointer" });
      g.append(svg("circle", { cx: p[i].x, cy: p[i].y, r: radius(n), fill: n.ccode === selected ? "#c0504d" : "#1f4e79", "fill-opacity": 0.8, stroke: "#fff" }));
      if ((n.cinc || 0) > 0.01 || n.ccode === selected) g.append(svg("text", { x: p[i].x + radius(n) + 2, y: p[i].y + 3, "font-size": 10 }, n.abb));
      hover(g, `${n.name} (${n.abb})\nCINC ${fmt(n.cinc, 4)}`);
      g.addEventListener("click", () => profile(n.ccode));
      root.append(g);
    });
    holder.replaceChildren(root);
    L.tools(holder, root, `atlas-${year}`, edges);
    count.textContent = `${nodes.length} states, ${edges.length} allied pairs, ${edges.filter(e => e.pledge_1to2 !== e.pledge_2to1).length} one-sided`;
  }

  async function profile(ccode) {
    selected = ccode;
    panel.replaceChildren(el("p", { class: "muted" }, "loading…"));
    const data = await api(`/api/v1/atlas/states/${ccode}`);
    const s = data.state[0];
    const sim = el("div", { class: "chart", id: "similarity" }), nmc = el("div", { class: "chart", id: "capabilities" });
    panel.replaceChildren(
      el("h2", { id: "state-name" }, `${s.name} (${s.abb})`),
      el("h3", {}, `Portfolio similarity to the ${s.patron === "USA" ? "United States" : s.patron}`), sim,
      el("h3", {}, "Capabilities (NMC 7.0)"), nmc,
      el("h3", {}, `Treaties (ATOP 4.01): ${data.treaties.length}`), table(data.treaties));
    if (data.similarity.length) {
      lines(sim, ["taub", "s", "kappa"].map(m => ({ name: m === "taub" ? "τb" : m === "s" ? "S" : "κ", points: data.similarity.map(r => [r.year, r[m]]) })),
        { width: 520, height: 240, yLabel: "similarity", name: `similarity-${s.abb}-usa`, rows: data.similarity, xFormat: v => String(Math.round(v)) });
    } else {
      sim.replaceChildren(el("p", { class: "muted" }, "no years in the system together with the patron"));
    }
    lines(nmc, [{ name: "CINC", points: data.capabilities.map(r => [r.year, r.cinc]) }],
      { width: 520, height: 220, yLabel: "CINC", yMin: 0, name: `nmc-${s.abb}`, rows: data.capabilities, xFormat: v => String(Math.round(v)) });
    draw(+slider.value);
  }

  slider.addEventListener("input", () => { label.textContent = slider.value; });
  slider.addEventListener("change", () => draw(+slider.value).catch(e => { count.textContent = e.message; }));
  draw(+slider.value).catch(e => { count.textContent = e.message; });
})();
