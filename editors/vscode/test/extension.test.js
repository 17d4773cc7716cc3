// The extension outside VS Code: `vscode` and the language client are stand-ins that record
// what the extension asks of them.
"use strict";

const assert = require("node:assert");
const Module = require("node:module");
const test = require("node:test");

const started = [];
const commands = new Map();
const terminals = [];
const settings = { command: ["/opt/venv/bin/argmap"], files: ["**/maps/**/*.yaml"], sourceRoot: "" };

const vscode = {
  workspace: { getConfiguration: () => ({ get: (key) => settings[key] }) },
  window: {
    activeTextEditor: { document: { uri: { scheme: "file", fsPath: "/home/me/maps/it's.yaml" } } },
    showErrorMessage: (message) => started.push({ error: message }),
    showInformationMessage: () => {},
    createTerminal: () => {
      const terminal = { lines: [], sendText: (line) => terminal.lines.push(line), show: () => {} };
      terminals.push(terminal);
      return terminal;
    },
  },
  commands: { registerCommand: (name, callback) => commands.set(name, callback) },
};

class LanguageClient {
  constructor(id, name, server, client) {
    Object.assign(this, { id, name, server, client });
  }
  async start() {
    started.push(this);
  }
  async stop() {
    this.stopped = true;
  }
}

const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === "vscode") return vscode;
  if (request === "vscode-languageclient/node") return { LanguageClient, TransportKind: { stdio: 0 } };
  return load.call(this, request, ...rest);
};
const extension = require("../extension.js");

test("activating starts `argmap lsp` on stdio for the map files only", async () => {
  const context = { subscriptions: [] };
  await extension.activate(context);
  assert.strictEqual(started.length, 1);
  const [client] = started;
  assert.deepStrictEqual(client.server, { command: "/opt/venv/bin/argmap", args: ["lsp"], transport: 0 });
  assert.deepStrictEqual(client.client.documentSelector, [
    { scheme: "file", language: "yaml", pattern: "**/maps/**/*.yaml" },
  ]);
  assert.deepStrictEqual([...commands.keys()].sort(), ["argmap.preview", "argmap.restart"]);
  assert.deepStrictEqual(client.client.initializationOptions, {});
});

test("the preview command runs `argmap preview FILE --open` in a terminal, quoted", () => {
  commands.get("argmap.preview")();
  assert.deepStrictEqual(terminals.at(-1).lines, [
    "/opt/venv/bin/argmap preview '/home/me/maps/it'\\''s.yaml' --open",
  ]);
});

test("restarting stops the client and starts a new one, with the settings as they are", async () => {
  settings.sourceRoot = "../corpus";
  await commands.get("argmap.restart")();
  assert.strictEqual(started.length, 2);
  assert.ok(started[0].stopped);
  assert.deepStrictEqual(started[1].client.initializationOptions, { sourceRoot: "../corpus" });
});

test("the manifest's defaults are what the extension reads", () => {
  const manifest = require("../package.json");
  const properties = manifest.contributes.configuration.properties;
  assert.deepStrictEqual(properties["argmap.command"].default, ["argmap"]);
  assert.strictEqual(properties["argmap.sourceRoot"].default, "");
  assert.ok(properties["argmap.files"].default.includes("**/maps/**/*.yaml"));
  assert.deepStrictEqual(manifest.activationEvents, ["onLanguage:yaml"]);
  const declared = manifest.contributes.commands.map((c) => c.command).sort();
  assert.deepStrictEqual(declared, ["argmap.preview", "argmap.restart"]);
});

test("a server that cannot start is told how to install argmap, which is not on PyPI", async () => {
  const failing = LanguageClient.prototype.start;
  LanguageClient.prototype.start = async () => {
    throw new Error("spawn argmap ENOENT");
  };
  try {
    await commands.get("argmap.restart")();
  } finally {
    LanguageClient.prototype.start = failing;
  }
  const { error } = started.at(-1);
  assert.match(error, /could not start '\/opt\/venv\/bin\/argmap lsp' \(spawn argmap ENOENT\)/);
  assert.doesNotMatch(error, /pip install argmap/);
  assert.match(error, /pip install -e \./);
  assert.match(error, /argmap\.command/);
});
