// Games: the alliance games on an input, as `linchpin game`.
"use strict";
(() => {
  const { api, el, table } = L;
  const game = document.getElementById("game"), input = document.getElementById("input"), permutations = document.getElementById("permutations");
  const error = document.getElementById("error"), result = document.getElementById("result");

  async function example() {
    const response = await fetch(`/api/v1/games/${game.value}/example`);
    input.value = await response.text();
    result.replaceChildren();
  }

  function render(data) {
    const summary = [], players = {}, extra = [];
    for (const [key, value] of Object.entries(data)) {
      if (Array.isArray(value) && value.length && typeof value[0] === "object") extra.push([key, value]);
      else if (value && typeof value === "object" && !Array.isArray(value)) players[key] = value;
      else summary.push({ quantity: key, value: Array.isArray(value) ? value.join(", ") : value });
    }
    const parts = [el("h2", {}, "Result"), table(summary, ["quantity", "value"])];
    const columns = Object.keys(players);
    if (columns.length) {
      const names = Object.keys(players[columns[0]]);
      parts.push(el("h2", {}, "Per player"), table(names.map(n => Object.fromEntries([["player", n], ...columns.map(c => [c, players[c][n]])])), ["player", ...columns]));
    }
    for (const [key, rows] of extra) parts.push(el("h2", {}, key), table(rows));
    parts.push(el("details", {}, el("summary", {}, "JSON (as linchpin game --format json)"), el("pre", { id: "json" }, JSON.stringify(data, null, 2))));
    result.replaceChildren(...parts);
  }

  async function solve() {
    error.hidden = true;
    const q = new URLSearchParams();
    if (game.value === "shapley" && permutations.value) q.set("permutations", permutations.value);
    try {
      render(await api(`/api/v1/games/${game.value}?${q}`, { method: "POST", headers: { "content-type": "text/plain" }, body: input.value }));
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
      result.replaceChildren();
    }
  }

  document.getElementById("solve").addEventListener("click", solve);
  game.addEventListener("change", () => example().then(solve));
  api("/api/v1/games").then(names => {
    game.replaceChildren(...names.map(n => el("option", { value: n }, n)));
    return example().then(solve);
  });
})();
