// argmap preview: follow the server's event stream; a new drawing reloads the page, new
// diagnostics redraw the panel. Scroll positions survive the reload.
"use strict";
(function () {
  const state = JSON.parse(document.getElementById("argmap-preview-state").textContent);
  const panel = document.getElementById("argmap-preview");
  const KEY = "argmap-preview-scroll";
  const panes = () => ["argmap-map", "argmap-article"].map((id) => document.getElementById(id));

  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) || "null");
    sessionStorage.removeItem(KEY);
    if (saved) {
      panes().forEach((pane, i) => {
        if (pane && saved[i]) [pane.scrollLeft, pane.scrollTop] = saved[i];
      });
    }
  } catch (error) {
    // storage may be off: the page then opens at the top
  }

  function show(data) {
    const list = panel.querySelector("ul");
    const summary = panel.querySelector("summary");
    list.replaceChildren(
      ...data.diagnostics.map((line) => {
        const item = document.createElement("li");
        item.textContent = line;
        return item;
      }),
    );
    const n = data.diagnostics.length;
    const said = panel.dataset;
    summary.textContent = data.errors ? (data.drawing ? said.kept : said.errors) : warnings(n);
    panel.classList.toggle("has-errors", data.errors);
    panel.open = data.errors;
    panel.hidden = n === 0;
  }

  // "3 warnings" in the map's language: the panel holds its words (data-*), a count's form as
  // argmap's table has them (Russian: 1, 21…; 2–4, 22–24…; the rest), as the view's script.
  function warnings(n) {
    const lang = panel.dataset.plural;
    let form = n === 1 || (lang === "fr" && n === 0) ? "one" : "many";
    if (lang === "ru") {
      const [ten, hundred] = [n % 10, n % 100];
      if (ten === 1 && hundred !== 11) form = "one";
      else form = ten >= 2 && ten <= 4 && !(hundred >= 12 && hundred <= 14) ? "few" : "many";
    }
    return panel.dataset[form].replace("{n}", String(n));
  }

  const events = new EventSource(`/events?version=${state.version}`);
  events.onmessage = (message) => {
    const data = JSON.parse(message.data);
    if (data.version === state.version) return;
    state.version = data.version;
    if (data.drawing !== state.drawing) {
      try {
        sessionStorage.setItem(KEY, JSON.stringify(panes().map((p) => p && [p.scrollLeft, p.scrollTop])));
      } catch (error) {
        // no storage: reload all the same
      }
      events.close();
      location.reload();
    } else {
      show(data);
    }
  };
})();
