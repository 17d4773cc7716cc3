// argmap for VS Code: starts `argmap lsp` for the YAML files that are argument maps, and runs
// `argmap preview` for the map being edited. All the work is argmap's; this only wires it in.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client = null;

function settings() {
  const config = vscode.workspace.getConfiguration("argmap");
  const command = config.get("command") || ["argmap"];
  return {
    program: command[0],
    args: command.slice(1),
    files: config.get("files") || [],
    sourceRoot: config.get("sourceRoot") || "",
  };
}

/** The client options: the map files only, by the patterns of `argmap.files`; the server's
 * source root, when `argmap.sourceRoot` names one, as its initialization option. */
function clientOptions(files, sourceRoot) {
  return {
    documentSelector: files.map((pattern) => ({ scheme: "file", language: "yaml", pattern })),
    outputChannelName: "argmap",
    initializationOptions: sourceRoot ? { sourceRoot } : {},
  };
}

function serverOptions(program, args) {
  return { command: program, args: [...args, "lsp"], transport: TransportKind.stdio };
}

async function start() {
  const { program, args, files, sourceRoot } = settings();
  const options = clientOptions(files, sourceRoot);
  client = new LanguageClient("argmap", "argmap", serverOptions(program, args), options);
  try {
    await client.start();
  } catch (error) {
    vscode.window.showErrorMessage(
      `argmap: could not start '${[program, ...args, "lsp"].join(" ")}' (${error.message}). ` +
        "Install argmap from a clone of its repository (python3 -m venv .venv && " +
        ".venv/bin/pip install -e .; it is not on PyPI) and set argmap.command to that " +
        "argmap, e.g. [\"/path/to/argmap/.venv/bin/argmap\"].",
    );
  }
}

async function stop() {
  if (client) {
    const stopping = client;
    client = null;
    await stopping.stop();
  }
}

function preview() {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.uri.scheme !== "file") {
    vscode.window.showInformationMessage("argmap: open a map file to preview it.");
    return;
  }
  const { program, args } = settings();
  const terminal = vscode.window.createTerminal({ name: "argmap preview" });
  terminal.sendText(
    [program, ...args, "preview", editor.document.uri.fsPath, "--open"].map(quote).join(" "),
  );
  terminal.show(true);
}

/** A word for the shell, quoted when it holds anything but safe characters. */
function quote(word) {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand("argmap.preview", preview),
    vscode.commands.registerCommand("argmap.restart", async () => {
      await stop();
      await start();
    }),
    { dispose: stop },
  );
  await start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate, clientOptions, serverOptions, quote };
