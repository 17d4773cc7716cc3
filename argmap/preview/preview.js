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
    const kept = data.drawing ? ": showing the last good drawing" : "";
    summary.textContent = data.errors ? `The map has errors${kept}` : `${n} warning${n === 1 ? "" : "s"}`;
    panel.classList.toggle("has-errors", data.errors);
    panel.open = data.errors;
    panel.hidden = n === 0;
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
