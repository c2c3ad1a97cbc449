// Linchpin dashboard: small helpers shared by the pages (requests, tables, SVG charts, downloads).
"use strict";
const L = (() => {
  const SVG = "http://www.w3.org/2000/svg";

  async function api(url, options) {
    const response = await fetch(url, options);
    const type = response.headers.get("content-type") || "";
    const body = type.includes("json") ? await response.json() : await response.text();
    if (!response.ok) {
      const error = new Error(body && body.detail ? body.detail : `${response.status} ${response.statusText}`);
      error.problem = body;
      error.status = response.status;
      throw error;
    }
    // Tables come as the command line prints them, {rows, notes, warnings}: the pages read the rows,
    // with the notes and warnings beside them.
    if (body && Array.isArray(body.rows) && Array.isArray(body.warnings) && !("title" in body)) {
      return Object.assign(body.rows, { notes: body.notes, warnings: body.warnings });
    }
    return body;
  }

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attributes || {})) {
      // Styles through the CSSOM: the page's content security policy refuses style attributes.
      if (v !== undefined && v !== null) { if (k === "style") node.style.cssText = v; else node.setAttribute(k, v); }
    }
    for (const child of children.flat()) {
      if (child !== undefined && child !== null) node.append(child.nodeType ? child : String(child));
    }
    return node;
  }

  function svg(tag, attributes, ...children) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attributes || {})) {
      // Styles through the CSSOM: the page's content security policy refuses style attributes.
      if (v !== undefined && v !== null) { if (k === "style") node.style.cssText = v; else node.setAttribute(k, v); }
    }
    for (const child of children.flat()) {
      if (child !== undefined && child !== null) node.append(child.nodeType ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function fmt(value, digits = 2) {
    if (value === null || value === undefined) return "–";
    if (typeof value === "number") {
      if (Number.isInteger(value) && Math.abs(value) < 1e15) return value.toLocaleString("en");
      return value.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
    }
    return String(value);
  }

  // Years, codes and ids print as they are, without thousands separators.
  const idLike = /(^|_)(year|ccode\d?|atopid|id|run|code)$/;
  function table(rows, columns) {
    const cols = columns || (rows.length ? Object.keys(rows[0]) : []);
    return el("table", { class: "data" },
      el("thead", {}, el("tr", {}, cols.map(c => el("th", {}, c)))),
      el("tbody", {}, rows.map(r => el("tr", {}, cols.map(c => el("td", typeof r[c] === "string" && r[c].length > 24 ? { class: "text" } : {}, idLike.test(c) && Number.isInteger(r[c]) ? String(r[c]) : fmt(r[c], 4)))))));
  }

  function notes(list, items) {
    list.replaceChildren(...(items || []).map(n => el("li", {}, n)));
  }

  function csv(rows, columns) {
    const cols = columns || (rows.length ? Object.keys(rows[0]) : []);
    const field = v => {
      if (v === null || v === undefined) return "";
      const s = String(v);
      return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
    };
    return [cols.join(","), ...rows.map(r => cols.map(c => field(r[c])).join(","))].join("\n") + "\n";
  }

  function download(name, blob) {
    const url = URL.createObjectURL(blob);
    const a = el("a", { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  function svgText(node) {
    const copy = node.cloneNode(true);
    copy.setAttribute("xmlns", SVG);
    const style = svg("style", {}, "text{font:12px system-ui,sans-serif;fill:#1b2430}.axis line,.axis path{stroke:#8895a3}.grid{stroke:#e3e8ee}");
    copy.prepend(style);
    return new XMLSerializer().serializeToString(copy);
  }

  // Adds SVG, PNG and CSV buttons to a chart container.
  function tools(container, node, name, rows, columns) {
    const bar = el("div", { class: "tools" });
    const button = (label, action) => { const b = el("button", { type: "button", class: "small", "data-download": label.toLowerCase() }, label); b.addEventListener("click", action); bar.append(b); };
    button("SVG", () => download(`${name}.svg`, new Blob([svgText(node)], { type: "image/svg+xml" })));
    button("PNG", () => {
      const box = node.viewBox.baseVal;
      const image = new Image();
      image.onload = () => {
        const canvas = el("canvas", { width: box.width * 2, height: box.height * 2 });
        const context = canvas.getContext("2d");
        context.fillStyle = "#fff";
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.drawImage(image, 0, 0, canvas.width, canvas.height);
        canvas.toBlob(blob => download(`${name}.png`, blob), "image/png");
      };
      image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svgText(node));
    });
    if (rows) button("CSV", () => download(`${name}.csv`, new Blob([csv(rows, columns)], { type: "text/csv" })));
    container.append(bar);
  }

  let tip;
  function hover(node, text) {
    node.addEventListener("mousemove", e => {
      tip = tip || document.body.appendChild(el("div", { class: "tooltip" }));
      tip.textContent = typeof text === "function" ? text() : text;
      tip.style.left = `${e.clientX + 12}px`;
      tip.style.top = `${e.clientY + 12}px`;
      tip.hidden = false;
    });
    node.addEventListener("mouseleave", () => { if (tip) tip.hidden = true; });
    node.append(svg("title", {}, typeof text === "function" ? text() : text));
  }

  function scale(d0, d1, r0, r1) {
    const span = d1 - d0 || 1;
    return v => r0 + ((v - d0) / span) * (r1 - r0);
  }

  function ticks(lo, hi, count = 6) {
    const span = hi - lo || 1;
    const step0 = span / count;
    const mag = Math.pow(10, Math.floor(Math.log10(step0)));
    const step = [1, 2, 2.5, 5, 10].map(m => m * mag).find(s => s >= step0) || step0;
    const out = [];
    for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(+v.toFixed(10));
    return out;
  }

  function frame(width, height, x, y, xLabel, yLabel, options = {}) {
    const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img" });
    const g = svg("g", { class: "axis" });
    for (const t of ticks(y.lo, y.hi)) {
      g.append(svg("line", { x1: x.px(x.lo), x2: x.px(x.hi), y1: y.px(t), y2: y.px(t), class: "grid", stroke: "#e3e8ee" }));
      g.append(svg("text", { x: x.px(x.lo) - 6, y: y.px(t) + 4, "text-anchor": "end", "font-size": 11, fill: "#5d6b7a" }, fmt(t, 3)));
    }
    if (!options.categorical) {
      for (const t of ticks(x.lo, x.hi, 8)) {
        g.append(svg("text", { x: x.px(t), y: y.px(y.lo) + 16, "text-anchor": "middle", "font-size": 11, fill: "#5d6b7a" }, options.xFormat ? options.xFormat(t) : fmt(t, 3).replace(",", "")));
      }
    }
    g.append(svg("line", { x1: x.px(x.lo), x2: x.px(x.hi), y1: y.px(y.lo), y2: y.px(y.lo), stroke: "#8895a3" }));
    g.append(svg("text", { x: (x.px(x.lo) + x.px(x.hi)) / 2, y: height - 4, "text-anchor": "middle", "font-size": 12 }, xLabel || ""));
    g.append(svg("text", { x: 12, y: (y.px(y.lo) + y.px(y.hi)) / 2, transform: `rotate(-90 12 ${(y.px(y.lo) + y.px(y.hi)) / 2})`, "text-anchor": "middle", "font-size": 12 }, yLabel || ""));
    root.append(g);
    return root;
  }

  const palette = ["#1f4e79", "#c0504d", "#4f8f3a", "#d98c1f", "#7a4f9a", "#2a9d8f", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22"];

  // Lines (with optional bands) over a numeric x axis. series: [{name, points: [[x, y]], band: [[x, lo, hi]]}].
  function lines(container, series, options = {}) {
    const width = options.width || 900, height = options.height || 320, m = { l: 64, r: 120, t: 16, b: 36 };
    const xs = series.flatMap(s => s.points.map(p => p[0]));
    const ys = series.flatMap(s => [...s.points.map(p => p[1]), ...(s.band || []).flatMap(b => [b[1], b[2]])]).filter(v => v !== null && Number.isFinite(v));
    for (const h of options.hlines || []) ys.push(h.y);
    if (!xs.length || !ys.length) { container.replaceChildren(el("p", { class: "muted" }, "no data")); return; }
    let ylo = options.yMin !== undefined ? options.yMin : Math.min(...ys), yhi = Math.max(...ys);
    if (ylo === yhi) { ylo -= 1; yhi += 1; }
    const pad = (yhi - ylo) * 0.05;
    const x = { lo: Math.min(...xs), hi: Math.max(...xs) }; x.px = scale(x.lo, x.hi, m.l, width - m.r);
    const y = { lo: ylo - (options.yMin !== undefined ? 0 : pad), hi: yhi + pad }; y.px = scale(y.lo, y.hi, height - m.b, m.t);
    const root = frame(width, height, x, y, options.xLabel, options.yLabel, options);
    for (const h of options.hlines || []) {
      root.append(svg("line", { x1: x.px(x.lo), x2: x.px(x.hi), y1: y.px(h.y), y2: y.px(h.y), stroke: h.color || "#a4262c", "stroke-dasharray": "5 4" }));
      root.append(svg("text", { x: x.px(x.hi) + 4, y: y.px(h.y) + 4, "font-size": 11, fill: h.color || "#a4262c" }, h.label));
    }
    series.forEach((s, i) => {
      const color = s.color || palette[i % palette.length];
      if (s.band && s.band.length) {
        const up = s.band.map(b => `${x.px(b[0])},${y.px(b[2])}`);
        const down = s.band.slice().reverse().map(b => `${x.px(b[0])},${y.px(b[1])}`);
        root.append(svg("polygon", { points: [...up, ...down].join(" "), fill: color, "fill-opacity": 0.15, stroke: "none", class: "band" }));
      }
      const pts = s.points.filter(p => p[1] !== null && Number.isFinite(p[1]));
      root.append(svg("polyline", { points: pts.map(p => `${x.px(p[0])},${y.px(p[1])}`).join(" "), fill: "none", stroke: color, "stroke-width": 2, class: "series", "data-name": s.name }));
      for (const p of pts) {
        const dot = svg("circle", { cx: x.px(p[0]), cy: y.px(p[1]), r: 3.2, fill: color });
        hover(dot, `${s.name} ${options.xFormat ? options.xFormat(p[0]) : p[0]}: ${fmt(p[1], 4)}`);
        root.append(dot);
      }
      if (pts.length) root.append(svg("text", { x: x.px(pts[pts.length - 1][0]) + 6, y: y.px(pts[pts.length - 1][1]) + 4 + (i % 3) * 0, "font-size": 11, fill: color }, s.name));
    });
    container.replaceChildren(root);
    if (options.name) tools(container, root, options.name, options.rows, options.columns);
    return root;
  }

  // Vertical bars by category. bars: [{label, value, color, tip}].
  function bars(container, list, options = {}) {
    const width = options.width || 900, height = options.height || 340, m = { l: 64, r: 70, t: 16, b: 64 };
    const values = list.map(b => b.value).filter(v => v !== null && Number.isFinite(v));
    for (const h of options.hlines || []) values.push(h.y);
    if (!values.length) { container.replaceChildren(el("p", { class: "muted" }, "no data")); return; }
    const x = { lo: 0, hi: list.length }; x.px = scale(0, list.length, m.l, width - m.r);
    const y = { lo: Math.min(0, ...values), hi: Math.max(...values) * 1.05 }; y.px = scale(y.lo, y.hi, height - m.b, m.t);
    const root = frame(width, height, x, y, options.xLabel, options.yLabel, { categorical: true });
    const w = (x.px(1) - x.px(0)) * 0.8;
    list.forEach((b, i) => {
      if (b.value === null || !Number.isFinite(b.value)) return;
      const top = y.px(Math.max(0, b.value)), bottom = y.px(Math.min(0, b.value));
      const rect = svg("rect", { x: x.px(i) + w * 0.125, y: top, width: w, height: Math.max(0.5, bottom - top), fill: b.color || palette[0], class: "bar", "data-label": b.label });
      hover(rect, b.tip || `${b.label}: ${fmt(b.value, 3)}`);
      root.append(rect);
    });
    list.forEach((b, i) => root.append(svg("text", { x: x.px(i + 0.5), y: height - m.b + 12, transform: `rotate(-60 ${x.px(i + 0.5)} ${height - m.b + 12})`, "text-anchor": "end", "font-size": 10 }, b.label)));
    for (const h of options.hlines || []) {
      root.append(svg("line", { x1: x.px(0), x2: x.px(list.length), y1: y.px(h.y), y2: y.px(h.y), stroke: h.color || "#a4262c", "stroke-dasharray": "5 4", class: "target" }));
      root.append(svg("text", { x: x.px(list.length) + 4, y: y.px(h.y) + 4, "font-size": 11, fill: h.color || "#a4262c" }, h.label));
    }
    container.replaceChildren(root);
    if (options.name) tools(container, root, options.name, options.rows, options.columns);
    return root;
  }

  // Points over two numeric axes. points: [{x, y, label}].
  function scatter(container, points, options = {}) {
    const width = options.width || 900, height = options.height || 340, m = { l: 64, r: 40, t: 16, b: 36 };
    const pts = points.filter(p => Number.isFinite(p.x) && Number.isFinite(p.y));
    if (!pts.length) { container.replaceChildren(el("p", { class: "muted" }, "no data")); return; }
    const xv = pts.map(p => p.x), yv = pts.map(p => p.y);
    const x = { lo: Math.min(...xv), hi: Math.max(...xv) }; x.px = scale(x.lo, x.hi, m.l, width - m.r);
    const y = { lo: Math.min(0, ...yv), hi: Math.max(...yv) * 1.05 }; y.px = scale(y.lo, y.hi, height - m.b, m.t);
    const root = frame(width, height, x, y, options.xLabel, options.yLabel, options);
    if (options.line) {
      const [a, b] = options.line;
      root.append(svg("line", { x1: x.px(x.lo), x2: x.px(x.hi), y1: y.px(a + b * x.lo), y2: y.px(a + b * x.hi), stroke: "#c0504d", "stroke-width": 1.5 }));
    }
    for (const p of pts) {
      const dot = svg("circle", { cx: x.px(p.x), cy: y.px(p.y), r: 4, fill: palette[0], "fill-opacity": 0.75 });
      hover(dot, `${p.label}: ${fmt(p.y, 3)}`);
      root.append(dot, svg("text", { x: x.px(p.x) + 5, y: y.px(p.y) - 5, "font-size": 9, fill: "#5d6b7a" }, p.label));
    }
    container.replaceChildren(root);
    if (options.name) tools(container, root, options.name, options.rows, options.columns);
    return root;
  }

  function histogram(container, values, options = {}) {
    if (!values.length) { container.replaceChildren(el("p", { class: "muted" }, options.empty || "no data")); return; }
    const lo = Math.min(...values), hi = Math.max(...values), n = Math.min(30, Math.max(5, Math.ceil(Math.sqrt(values.length))));
    const step = (hi - lo) / n || 1;
    const counts = new Array(n).fill(0);
    for (const v of values) counts[Math.min(n - 1, Math.floor((v - lo) / step))]++;
    return bars(container, counts.map((c, i) => ({ label: fmt(lo + step * (i + 0.5), 0), value: c / values.length, tip: `${fmt(lo + step * i, 1)}–${fmt(lo + step * (i + 1), 1)}: ${c} runs` })),
      { ...options, rows: values.map(v => ({ settlement: v })) });
  }

  return { api, el, svg, fmt, table, notes, csv, download, tools, hover, lines, bars, scatter, histogram, palette, scale };
})();
