// argmap's HTML view: claims in the map and the passages they quote light up together.
"use strict";
(function () {
  const pane = document.getElementById("argmap-map");
  const svg = pane.querySelector("svg");
  const status = document.getElementById("argmap-status");
  const claims = new Map(); // claim id -> its <g> in the map
  const marks = new Map(); // claim id -> the <mark>s quoting it, in reading order
  const smooth = window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";

  for (const g of svg.querySelectorAll("[data-claim]")) claims.set(g.dataset.claim, g);
  for (const mark of document.querySelectorAll("mark[data-claims]")) {
    for (const id of mark.dataset.claims.split(" ")) {
      if (!marks.has(id)) marks.set(id, []);
      marks.get(id).push(mark);
    }
  }
  const claimsOf = (mark) => mark.dataset.claims.split(" ").filter((id) => claims.has(id));

  // --- what is lit ---------------------------------------------------------------------
  let lit = [];
  let pinned = null; // {ids, mark}: what focus or a click chose; hovering lights over it
  let current = null; // the passage last scrolled to
  let cycle = new Map(); // claim id -> index of the passage Enter went to last

  function light(ids) {
    for (const element of lit) element.classList.remove("is-lit");
    lit = [];
    for (const id of ids) {
      for (const element of [claims.get(id), ...(marks.get(id) || [])]) {
        if (element) {
          element.classList.add("is-lit");
          lit.push(element);
        }
      }
    }
  }

  function describe(ids, mark) {
    if (!ids.length) return;
    const parts = ids.map((id) => {
      const label = claims.get(id).getAttribute("aria-label");
      const colon = label.indexOf(": ");
      return [label.slice(0, colon).trim(), label.slice(colon + 2)]; // "Prémisse : …" too
    });
    status.textContent = "";
    parts.forEach(([kind, text], i) => {
      const word = document.createElement("span");
      word.className = "kind";
      word.textContent = kind.toUpperCase();
      status.append(i ? " " : "", word, " " + text);
    });
    if (!mark && ids.length === 1 && document.getElementById("argmap-article")) {
      const n = (marks.get(ids[0]) || []).length;
      status.append(` (${n ? quoted(n) : status.dataset.none})`);
    }
  }

  // "3 quoted passages" in the page's language: its words are on the live region (data-*),
  // a count's form as argmap's table has them (Russian: 1, 21…; 2–4, 22–24…; the rest).
  function quoted(n) {
    const lang = status.dataset.plural;
    let form = n === 1 || (lang === "fr" && n === 0) ? "one" : "many";
    if (lang === "ru") {
      const [ten, hundred] = [n % 10, n % 100];
      if (ten === 1 && hundred !== 11) form = "one";
      else form = ten >= 2 && ten <= 4 && !(hundred >= 12 && hundred <= 14) ? "few" : "many";
    }
    return status.dataset[form].replace("{n}", String(n));
  }

  function scrollToMark(mark) {
    if (current) current.classList.remove("is-current");
    current = mark;
    if (!mark) return;
    mark.classList.add("is-current");
    mark.scrollIntoView({ block: "center", behavior: smooth });
  }

  function show(ids, { mark = null, scroll = false } = {}) {
    light(ids);
    describe(ids, mark);
    if (scroll && !mark && ids.length) scrollToMark((marks.get(ids[0]) || [])[0] || null);
  }

  function restore() {
    if (pinned) show(pinned.ids, { mark: pinned.mark });
    else light([]);
  }

  // --- claims ----------------------------------------------------------------------------
  let hoverTimer = 0;
  for (const [id, g] of claims) {
    g.addEventListener("mouseenter", () => {
      show([id]);
      clearTimeout(hoverTimer);
      hoverTimer = setTimeout(() => show([id], { scroll: true }), 150); // not while sweeping
    });
    g.addEventListener("mouseleave", () => {
      clearTimeout(hoverTimer);
      restore();
    });
    g.addEventListener("focus", () => {
      const fromMark = pinned && pinned.mark && pinned.ids.includes(id) ? pinned.mark : null;
      pinned = { ids: [id], mark: null };
      cycle.set(id, 0);
      if (fromMark) {
        show([id]);
        scrollToMark(fromMark);
      } else {
        show([id], { scroll: true });
      }
    });
    g.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      const list = marks.get(id) || [];
      if (!list.length) return;
      const next = ((cycle.get(id) ?? 0) + 1) % list.length;
      cycle.set(id, next);
      show([id]);
      scrollToMark(list[next]);
    });
  }

  // --- passages --------------------------------------------------------------------------
  function toClaim(mark) {
    const ids = claimsOf(mark);
    if (!ids.length) return;
    pinned = { ids, mark };
    const g = claims.get(ids[0]);
    g.focus({ preventScroll: true });
    g.scrollIntoView({ block: "center", inline: "center", behavior: smooth });
    show(ids, { mark });
    scrollToMark(mark);
  }

  for (const mark of document.querySelectorAll("mark[data-claims]")) {
    mark.addEventListener("mouseenter", () => show(claimsOf(mark), { mark }));
    mark.addEventListener("mouseleave", restore);
    mark.addEventListener("focus", () => {
      pinned = { ids: claimsOf(mark), mark };
      show(pinned.ids, { mark });
      const g = claims.get(pinned.ids[0]);
      if (g) g.scrollIntoView({ block: "nearest", inline: "nearest", behavior: smooth });
    });
    mark.addEventListener("click", () => toClaim(mark));
    mark.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        toClaim(mark);
      }
    });
  }

  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      pinned = null;
      scrollToMark(null);
      light([]);
    }
  });

  // --- zoom ------------------------------------------------------------------------------
  // The map opens fitted to its pane, the whole of it in view (never past its natural size),
  // and stays fitted as the window changes size until the reader zooms.
  const naturalWidth = svg.width.baseVal.value; // px, from the size in points
  const naturalHeight = svg.height.baseVal.value;
  let zoom = 1;
  let fitted = true;
  function fit() {
    const top = svg.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop;
    const across = (pane.clientWidth - 16) / naturalWidth;
    const down = naturalHeight ? (pane.clientHeight - top - 8) / naturalHeight : across;
    return Math.max(Math.min(1, across, down), 0.01);
  }
  function setZoom(value) {
    fitted = value === "fit";
    const whole = fit();
    zoom = fitted ? whole : Math.max(Math.min(value, 2), Math.min(whole, 0.1));
    svg.style.maxWidth = "none";
    svg.style.width = `${Math.round(naturalWidth * zoom)}px`;
    svg.style.height = "auto";
    if (fitted) pane.scrollTo(0, 0);
  }
  for (const button of pane.querySelectorAll("[data-zoom]")) {
    button.addEventListener("click", () => {
      const how = button.dataset.zoom;
      setZoom(how === "fit" ? "fit" : zoom * (how === "in" ? 1.25 : 0.8));
    });
  }
  pane.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "+" || event.key === "=") setZoom(zoom * 1.25);
    else if (event.key === "-") setZoom(zoom * 0.8);
    else if (event.key === "0") setZoom("fit");
  });
  window.addEventListener("resize", () => {
    if (fitted) setZoom("fit");
  });
  // Made with --fit WIDTH, the map opens at the scale a column that wide shows its figures:
  // across the column, or larger where its claim text would come out under 9 px there (the
  // map then scrolls); the top of the argument (the claim drawn highest) in view.
  const column = Number(pane.dataset.fit) || 0;
  if (column) {
    const readable = Number(pane.dataset.readable) || 0;
    setZoom(Math.min(1, Math.max(column / naturalWidth, readable)));
    let top = null;
    for (const g of claims.values()) {
      if (!top || g.getBoundingClientRect().top < top.getBoundingClientRect().top) top = g;
    }
    if (top) {
      const box = top.getBoundingClientRect();
      const frame = pane.getBoundingClientRect();
      pane.scrollLeft += box.left + box.width / 2 - (frame.left + frame.width / 2);
    }
  } else {
    setZoom("fit");
  }
})();
