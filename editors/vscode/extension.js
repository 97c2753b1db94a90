// extension.js: the VS Code client of `plancheck lsp`.
//
// All the knowledge of plans is in the server; this only starts it over
// stdio for .plan and .progress files, restarts it when its setting
// changes, and says clearly (in the user's language, through vscode.l10n)
// when the program cannot be found. The program is `plancheck.server.path`:
// a name looked up in PATH, an absolute path, or a path relative to the
// first workspace folder (a plancheck built in the repository,
// ./plancheck).
'use strict';
const fs = require('fs');
const path = require('path');
const os = require('os');
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client = null;

// The program the setting names, or null when there is none to run.
function resolveProgram(setting) {
  let p = (setting || 'plancheck').trim();
  if (p.startsWith('~/')) p = path.join(os.homedir(), p.slice(2));
  const runnable = (f) => {
    try {
      fs.accessSync(f, fs.constants.X_OK);
      return fs.statSync(f).isFile();
    } catch (e) {
      return false;
    }
  };
  if (path.isAbsolute(p)) return runnable(p) ? p : null;
  if (p.includes('/') || p.includes(path.sep)) {
    for (const folder of vscode.workspace.workspaceFolders || []) {
      const f = path.join(folder.uri.fsPath, p);
      if (runnable(f)) return f;
    }
    return null;
  }
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (dir && runnable(path.join(dir, p))) return path.join(dir, p);
  }
  return null;
}

async function start(context) {
  const config = vscode.workspace.getConfiguration('plancheck');
  const setting = config.get('server.path', 'plancheck');
  const program = resolveProgram(setting);
  if (!program) {
    const open = vscode.l10n.t('Open settings');
    const choice = await vscode.window.showErrorMessage(
      vscode.l10n.t('plancheck: cannot run "{0}". Install plancheck or set plancheck.server.path to the program.', setting),
      open);
    if (choice === open) vscode.commands.executeCommand('workbench.action.openSettings', 'plancheck.server.path');
    return;
  }
  const args = ['lsp'].concat(config.get('server.args', []));
  // No `transport`: the client then talks over the child's stdin and
  // stdout all the same, but does not append `--stdio` to the arguments
  // (it does with TransportKind.stdio), which plancheck does not take.
  // The server runs in the workspace folder, where relative -I paths are.
  const serverOptions = { command: program, args };
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'plan' },
      { scheme: 'untitled', language: 'plan' },
    ],
    // Parents, includes and progress records are read from disk by the
    // server: it re-checks the open plans when one of them changes.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{plan,progress}') },
  };
  client = new LanguageClient('plancheck', 'plancheck', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (e) {
    vscode.window.showErrorMessage(vscode.l10n.t('plancheck: the language server did not start: {0}', String(e && e.message || e)));
  }
}

async function stop() {
  if (!client) return;
  const c = client;
  client = null;
  try {
    await c.stop();
  } catch (e) {
    // A server that already died has nothing left to stop.
  }
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('plancheck.restartServer', async () => {
      await stop();
      await start(context);
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('plancheck.server')) {
        await stop();
        await start(context);
      }
    }),
  );
  await start(context);
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate, resolveProgram };
