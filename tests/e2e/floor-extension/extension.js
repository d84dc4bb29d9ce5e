// The squiggle floor: on every opened file (and those open at activation), one error diagnostic on each line that
// contains `squiggle-floor`, set in the extension host at once — no server, no analysis. How long VS Code takes
// to draw it after a file opens is the least time any extension's squiggle can take in that editor.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- VS Code loads this extension as CommonJS
const vscode = require('vscode');

const marker = 'squiggle-floor';

function activate(context) {
  const diagnostics = vscode.languages.createDiagnosticCollection('squiggle-floor');
  const mark = (document) => {
    const found = [];
    for (let line = 0; line < document.lineCount; line++) {
      const text = document.lineAt(line).text;
      const column = text.indexOf(marker);
      if (column >= 0) found.push(new vscode.Diagnostic(new vscode.Range(line, column, line, column + marker.length), 'squiggle floor', vscode.DiagnosticSeverity.Error));
    }
    if (found.length > 0) diagnostics.set(document.uri, found);
  };
  context.subscriptions.push(diagnostics, vscode.workspace.onDidOpenTextDocument(mark));
  vscode.workspace.textDocuments.forEach(mark);
}

module.exports = { activate };
