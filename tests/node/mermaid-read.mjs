// Read Mermaid files as Mermaid does: node mermaid-read.mjs MODULES_DIR FILE...
// MODULES_DIR holds node_modules with mermaid@11 and jsdom. Prints one JSON object: for each
// file, the configuration its text sets (directives, front matter), its title, and the text
// of each node as a reader sees it (entities decoded); or the parser's error.
import path from "node:path";
import fs from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const [modules, ...files] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(modules), "package.json"));
const { JSDOM } = require("jsdom");
const dom = new JSDOM("<!DOCTYPE html><body></body>", { pretendToBeVisual: true });
Object.assign(globalThis, { window: dom.window, document: dom.window.document,
  DOMParser: dom.window.DOMParser, Element: dom.window.Element });
const entry = path.join(path.dirname(require.resolve("mermaid/package.json")), "dist/mermaid.core.mjs");
const { default: mermaid } = await import(pathToFileURL(entry).href);
mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });

// Mermaid keeps entities as placeholders until it draws; decode them as it does, then as HTML.
const box = document.createElement("textarea");
function shown(text) {
  box.innerHTML = text.replace(/ﬂ°°/g, "&#").replace(/ﬂ°/g, "&").replace(/¶ß/g, ";");
  return box.value;
}

const out = {};
for (const file of files) {
  const text = fs.readFileSync(file, "utf8");
  try {
    const { config } = await mermaid.parse(text);
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    const labels = {};
    for (const [id, vertex] of diagram.db.getVertices()) labels[id] = shown(vertex.text ?? "");
    const title = diagram.db.getDiagramTitle ? diagram.db.getDiagramTitle() : null;
    out[file] = { config: config ?? {}, title, labels,
                  clicks: diagram.db.getTooltips ? Object.keys(diagram.db.getTooltips()).length : 0,
                  classes: [...(diagram.db.getClasses?.().keys?.() ?? [])] };
  } catch (error) {
    out[file] = { error: String(error.message || error).split("\n").join(" ") };
  }
}
console.log(JSON.stringify(out));
