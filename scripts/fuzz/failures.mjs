// Fuzz failures: described one per line, grouped by kind for a summary, keyed by a signature, and minimized line
// by line to the smallest program that still fails the same way.
import * as path from 'node:path';
import { typedProjectDir } from './programs.mjs';

/** One line per failure, for test assertions and the CLI. */
export function describeFailure(failure) {
  const where = `${failure.kind} [${failure.mode} ${path.basename(failure.filename)} context=${failure.context}]`;
  if (failure.kind === 'crash') return `${where}\n--- program ---\n${failure.code}\n--- stack ---\n${failure.error}`;
  return `${where} ${failure.rule}: "${failure.suggestion}" → ${failure.error}\n--- program ---\n${failure.code}\n--- after the suggestion ---\n${failure.output}`;
}

/**
 * A report of many failures: grouped by kind of bug (with a count and where each occurred, `failure.source` or
 * the program's first line), then one full example (program, stack or suggested output) per kind.
 */
export function summarizeFailures(failures, { examples = 3 } = {}) {
  const groups = new Map();
  for (const failure of failures) {
    const signature = failureSignature(failure);
    if (!groups.has(signature)) groups.set(signature, []);
    groups.get(signature).push(failure);
  }
  const lines = [`${failures.length} failure(s) of ${groups.size} kind(s):`];
  for (const [signature, group] of groups) {
    const where = group.map((failure) => failure.source ?? `seed ${failure.seed ?? '?'}`);
    lines.push(`  ${group.length}× ${signature}`, `     in ${where.slice(0, 20).join(', ')}${where.length > 20 ? ', …' : ''}`);
  }
  for (const group of [...groups.values()].slice(0, examples)) {
    const [first] = group;
    lines.push('', '=====', `${first.source ?? `seed ${first.seed ?? '?'}`}: ${describeFailure(first)}`);
  }
  return lines.join('\n');
}

/** What makes two failures "the same bug", to keep a minimized program failing the same way. */
export function failureSignature(failure) {
  if (failure.kind === 'crash') {
    const frame = /\n\s+at .*?([\w-]+\.[cm]?[jt]s):(\d+)/.exec(failure.error);
    return `crash:${failure.error.split('\n')[0].slice(0, 120)}:${frame?.[1] ?? ''}`;
  }
  const error = failure.error
    .replace(/^(espree )?[\d?]+:[\d?]+ /, '$1')
    .replace(/'[^']*'|"[^"]*"|`[^`]*`|\b(?<=Unexpected token )\S+/g, '…')
    .replace(/\d+/g, 'N');
  return `bad-suggestion:${failure.rule}:${failure.suggestion.replace(/`[^`]*`/g, '`…`')}: ${error}`;
}

/**
 * Line-based delta debugging: drops chunks of lines, and brace-balanced runs of lines (a whole function, class or
 * block), while the program still parses and fails with the same signature. Generated programs put one statement
 * per line, so this gets close to a minimal program.
 */
export function minimize(fuzzer, program, mode, failure, options = {}) {
  const signature = failureSignature(failure);
  const stillFails = (code) => {
    const candidate = { ...program, code };
    if (fuzzer.parses(code, mode, program.sourceType, options.filename ?? path.join(typedProjectDir, 'probe.ts'))) return false;
    return fuzzer.check(candidate, mode, options).failures.some((found) => failureSignature(found) === signature);
  };
  let lines = program.code.split('\n');
  const depthChange = (line) => (line.match(/[{([]/g)?.length ?? 0) - (line.match(/[})\]]/g)?.length ?? 0);
  for (let changed = true; changed; ) {
    changed = false;
    // Balanced runs: from a line that opens a block to the line that closes it, outermost first.
    for (let start = 0; start < lines.length; start++) {
      let depth = 0;
      for (let end = start; end < lines.length; end++) {
        depth += depthChange(lines[end]);
        if (depth < 0) break;
        if (depth === 0 && end > start) {
          const candidate = [...lines.slice(0, start), ...lines.slice(end + 1)];
          if (stillFails(candidate.join('\n'))) {
            lines = candidate;
            changed = true;
            start--;
          }
          break;
        }
      }
    }
    for (let chunk = Math.max(1, Math.floor(lines.length / 2)); chunk >= 1; chunk = Math.floor(chunk / 2)) {
      for (let start = 0; start < lines.length; ) {
        const candidate = [...lines.slice(0, start), ...lines.slice(start + chunk)];
        if (candidate.length < lines.length && stillFails(candidate.join('\n'))) {
          lines = candidate;
          changed = true;
        } else start += chunk;
      }
    }
  }
  return lines.join('\n');
}
