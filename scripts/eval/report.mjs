// Formats the evaluation for people: the summary table per kind of site and setup, the per-project breakdown, and
// the misses and false alarms of the unblock setups with each label's reason. Data in, text out.

const pct = (value) => (value === undefined ? '—' : value.toFixed(3));
const setupNames = {
  'unblock-untyped': 'unblock, untyped',
  'unblock-typed': 'unblock, typed',
  'n/no-sync': 'n/no-sync',
  'n/no-sync (allowAtRootLevel)': 'n/no-sync allowAtRootLevel',
};
const ruleOf = { direct: 'no-blocking-call', indirect: 'no-indirect-blocking-call' };

function table(header, rows) {
  const widths = header.map((cell, index) => Math.max(String(cell).length, ...rows.map((row) => String(row[index]).length)));
  const line = (cells) => `| ${cells.map((cell, index) => String(cell).padEnd(widths[index])).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** The whole report as text. `result` is what run.mjs builds (see its `evaluate`). */
export function formatReport(result) {
  const out = [];
  const { totals } = result;
  out.push(
    `unblock real-world evaluation — ${result.date}, ${result.plugin}, node ${result.node}, eslint ${result.eslint}, eslint-plugin-n ${result.pluginN}`,
    `${result.projects.length} projects, ${totals.direct.sites} direct sites (${totals.direct.flag} flag / ${totals.direct.noFlag} no-flag), ` +
      `${totals.indirect.sites} indirect sites (${totals.indirect.flag} flag / ${totals.indirect.noFlag} no-flag)`,
    '',
  );
  for (const kind of ['direct', 'indirect']) {
    out.push(`${kind} sites (unblock/${ruleOf[kind]}${kind === 'indirect' ? '; n/no-sync shown on the same sites' : ''}):`);
    const rows = Object.entries(result.summary[kind]).map(([setup, m]) => [setupNames[setup], m.TP, m.FP, m.FN, m.TN, pct(m.precision), pct(m.recall)]);
    out.push(table(['setup', 'TP', 'FP', 'FN', 'TN', 'precision', 'recall'], rows), '');
  }
  if (result.offNote) out.push(result.offNote, '');

  out.push('per project (precision / recall; direct, then indirect):');
  const setups = Object.keys(setupNames);
  const rows = result.projects.map((project) => [
    `${project.id}@${project.version}`,
    `${project.counts.direct.flag}/${project.counts.direct.noFlag}`,
    ...setups.map((setup) => `${pct(project.metrics.direct[setup].precision)} / ${pct(project.metrics.direct[setup].recall)}`),
    `${project.counts.indirect.flag}/${project.counts.indirect.noFlag}`,
    `${pct(project.metrics.indirect['unblock-typed'].precision)} / ${pct(project.metrics.indirect['unblock-typed'].recall)}`,
  ]);
  out.push(table(['project', 'direct flag/no', ...setups.map((setup) => setupNames[setup]), 'indirect flag/no', 'indirect: unblock, typed'], rows), '');

  for (const setup of ['unblock-untyped', 'unblock-typed']) {
    for (const kind of ['direct', 'indirect']) {
      const misses = result.details[kind][setup].filter((entry) => entry.outcome === 'FN');
      const alarms = result.details[kind][setup].filter((entry) => entry.outcome === 'FP');
      const off = result.off[kind][setup];
      if (misses.length + alarms.length + off.length === 0) continue;
      out.push(`${setupNames[setup]}, ${kind}: ${misses.length} missed, ${alarms.length + (kind === 'direct' ? off.length : 0)} false alarms${kind === 'indirect' && off.length ? `, ${off.length} findings on unlabelled sites (not scored)` : ''}`);
      for (const entry of misses) out.push(`  MISS  ${entry.project} ${entry.file}:${entry.line}:${entry.column} ${entry.api} — ${entry.reason}`);
      for (const entry of alarms) out.push(`  FALSE ${entry.project} ${entry.file}:${entry.line}:${entry.column} ${entry.api} — ${entry.reason}`);
      for (const entry of off) out.push(`  ${kind === 'direct' ? 'FALSE' : 'OTHER'} ${entry.project} ${entry.file}:${entry.line}:${entry.column} (no label) — ${entry.message}`);
      out.push('');
    }
  }
  if (result.problems.length > 0) out.push(`label problems (${result.problems.length}):`, ...result.problems.map((problem) => `  ${problem}`), '');
  if (result.fatal.length > 0) out.push(`files ESLint could not parse (${result.fatal.length}):`, ...result.fatal.map((line) => `  ${line}`), '');
  out.push(`time: ${result.seconds.toFixed(1)} s (sources ${result.sourceSeconds.toFixed(1)} s, lint ${result.lintSeconds.toFixed(1)} s)`);
  return out.join('\n');
}
