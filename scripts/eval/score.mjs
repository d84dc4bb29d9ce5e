// The measurement itself, free of I/O: the label schema (what a valid row is), matching lint findings to labelled
// call sites, and counting outcomes into precision and recall. Used by run.mjs and by tests/eval.test.ts.

export const kinds = ['direct', 'indirect'];
const verdicts = new Set(['flag', 'no-flag']);

/**
 * Checks one project's label rows; returns readable problems (empty when valid).
 * A row: { file, line, column, api, expected: { direct?: 'flag'|'no-flag', indirect?: … }, reason, sampled? }.
 */
export function validateLabels(project, rows) {
  const problems = [];
  const seen = new Set();
  rows.forEach((row, index) => {
    const at = `${project} row ${index + 1}`;
    if (typeof row !== 'object' || row === null) return problems.push(`${at}: not an object`);
    if (typeof row.file !== 'string' || row.file === '' || row.file.startsWith('/') || row.file.includes('\\')) {
      problems.push(`${at}: file must be a relative path with '/'`);
    }
    for (const key of ['line', 'column']) {
      if (!Number.isInteger(row[key]) || row[key] < 1) problems.push(`${at}: ${key} must be a positive integer`);
    }
    if (typeof row.api !== 'string' || row.api.trim() === '') problems.push(`${at}: api is missing`);
    if (typeof row.reason !== 'string' || row.reason.trim().length < 10) problems.push(`${at}: reason must say why in a line`);
    if (typeof row.reason === 'string' && row.reason.includes('\n')) problems.push(`${at}: reason must be one line`);
    const expected = row.expected;
    if (typeof expected !== 'object' || expected === null) {
      problems.push(`${at}: expected is missing`);
    } else {
      const keys = Object.keys(expected);
      if (keys.length === 0) problems.push(`${at}: expected names no rule kind`);
      for (const key of keys) {
        if (!kinds.includes(key)) problems.push(`${at}: expected.${key} is not one of ${kinds.join(', ')}`);
        else if (!verdicts.has(expected[key])) problems.push(`${at}: expected.${key} must be 'flag' or 'no-flag'`);
      }
    }
    if ('sampled' in row && row.sampled !== false) problems.push(`${at}: sampled is only written as false (a site found outside the sample)`);
    for (const kind of kinds) {
      if (!expected?.[kind]) continue;
      const key = `${kind} ${row.file}:${row.line}:${row.column}`;
      if (seen.has(key)) problems.push(`${at}: a second ${kind} label for ${row.file}:${row.line}:${row.column}`);
      seen.add(key);
    }
  });
  return problems;
}

/** The identifier a label's position must point at: the callee's last name (`readFileSync` in `fs.readFileSync`). */
export function labelledName(api) {
  let text = api.replace(/\s*\(passed\)$/, '').trim();
  if (text.endsWith(')')) {
    let depth = 0;
    for (let index = text.length - 1; index >= 0; index--) {
      if (text[index] === ')') depth++;
      else if (text[index] === '(' && --depth === 0) {
        text = text.slice(0, index);
        break;
      }
    }
  }
  return /([A-Za-z_$][\w$]*)\s*$/.exec(text)?.[1];
}

/** Problems of labels whose line/column does not point at their `api` name in the source. */
export function checkPositions(project, rows, readLine) {
  const problems = [];
  for (const row of rows) {
    const name = labelledName(row.api);
    const text = readLine(row.file, row.line);
    if (text === undefined) problems.push(`${project} ${row.file}:${row.line}: no such line`);
    else if (!name || text.slice(row.column - 1, row.column - 1 + name.length) !== name) {
      problems.push(`${project} ${row.file}:${row.line}:${row.column}: expected \`${name}\` there, found \`${text.slice(row.column - 1, row.column + 20).trim()}\``);
    }
  }
  return problems;
}

const before = (a, b) => a.line < b.line || (a.line === b.line && a.column <= b.column);

/** Whether a finding's reported range holds a label's position (ESLint columns are 1-based, end exclusive). */
function covers(finding, label) {
  const end = { line: finding.endLine ?? finding.line, column: finding.endColumn ?? finding.column + 1 };
  const insideEnd = label.line < end.line || (label.line === end.line && label.column < end.column);
  return before(finding, label) && insideEnd;
}

/**
 * Assigns findings to labels of one file set. A finding matches the first label (in source order) inside its
 * range; the narrowest findings choose first, so `fs.writeFileSync(p, fs.readFileSync(q))` gives the inner call
 * to `readFileSync` and the outer one to `writeFileSync`. Rules report a call expression (unblock) or the callee's
 * name (n/no-sync); either range holds the name the label points at.
 * @returns {{ byLabel: Map<object, object>, unmatched: object[] }}
 */
export function matchFindings(labels, findings) {
  const byFile = new Map();
  for (const label of labels) {
    if (!byFile.has(label.file)) byFile.set(label.file, []);
    byFile.get(label.file).push(label);
  }
  for (const list of byFile.values()) list.sort((a, b) => a.line - b.line || a.column - b.column);
  const size = (f) => ((f.endLine ?? f.line) - f.line) * 10_000 + ((f.endColumn ?? f.column + 1) - f.column);
  const byLabel = new Map();
  const unmatched = [];
  for (const finding of [...findings].sort((a, b) => size(a) - size(b))) {
    const label = (byFile.get(finding.file) ?? []).find((candidate) => !byLabel.has(candidate) && covers(finding, candidate));
    if (label) byLabel.set(label, finding);
    else unmatched.push(finding);
  }
  return { byLabel, unmatched };
}

/**
 * Outcomes of one rule setup on the labels of one kind. `off` findings — in sampled files, on no label — count
 * as false alarms when every candidate site of those files is labelled (the direct kind); for the indirect kind
 * (a sample of call sites) they are listed, not scored.
 */
export function scoreKind(kind, labels, findings) {
  const sites = labels.filter((label) => label.expected[kind]);
  const { byLabel, unmatched } = matchFindings(sites, findings);
  const outcomes = sites.map((label) => {
    const flagged = byLabel.has(label);
    const expected = label.expected[kind] === 'flag';
    const outcome = expected ? (flagged ? 'TP' : 'FN') : flagged ? 'FP' : 'TN';
    return { label, outcome, finding: byLabel.get(label) };
  });
  const sampledFiles = new Set(sites.filter((label) => label.sampled !== false).map((label) => label.file));
  const off = unmatched.filter((finding) => sampledFiles.has(finding.file));
  return { outcomes, off, offScored: kind === 'direct' };
}

/** TP/FP/FN/TN, precision and recall of scored outcomes (precision is undefined without any flag). */
export function metrics(outcomes, offFindings = 0) {
  const count = { TP: 0, FP: offFindings, FN: 0, TN: 0 };
  for (const { outcome } of outcomes) count[outcome]++;
  const precision = count.TP + count.FP === 0 ? undefined : count.TP / (count.TP + count.FP);
  const recall = count.TP + count.FN === 0 ? undefined : count.TP / (count.TP + count.FN);
  return { ...count, precision, recall };
}

/** Parses one JSONL label file's text; a broken line is a problem, not a crash. */
export function parseLabelFile(project, text) {
  const rows = [];
  const problems = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      rows.push(JSON.parse(line));
    } catch (error) {
      problems.push(`${project} line ${index + 1}: not JSON (${error.message})`);
    }
  });
  return { rows, problems };
}
