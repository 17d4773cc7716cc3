// Parse Mermaid files with Mermaid's own parser: node mermaid-parse.mjs MODULES_DIR FILE...
// MODULES_DIR holds node_modules with mermaid@11 and jsdom. Prints one line per file that
// does not parse ("FILE: message") and exits 1 if any did not.
import fs from "node:fs";
import path from "node:path";
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
let failed = 0;
for (const file of files) {
  try {
    await mermaid.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    failed += 1;
    console.log(`${file}: ${String(error.message || error).split("\n").join(" ")}`);
  }
}
process.exit(failed ? 1 : 0);
