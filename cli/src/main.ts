/**
 * The command line's entry: arguments in, report and exit code out. Bad input gets a message and exit code 2, an
 * unexpected failure a message and 3, never a stack trace (set UNBLOCK_DEBUG=1 to see one).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArguments, usage } from './arguments.js';
import { runFix } from './fix.js';
import { UsageError } from './project.js';
import { formatReport, progressLine } from './report.js';

export async function main(argv: readonly string[], cwd = process.cwd(), out = process.stdout, err = process.stderr): Promise<number> {
  const progress = progressLine(err);
  try {
    const command = parseArguments(argv);
    if (command.command === 'help') {
      out.write(`${usage}\n`);
      return 0;
    }
    if (command.command === 'version') {
      out.write(`${(JSON.parse(readFileSync(path.join(__dirname, '../package.json'), 'utf8')) as { version: string }).version}\n`);
      return 0;
    }
    const result = await runFix({ ...command, cwd, progress });
    progress.clear();
    out.write(`${formatReport(result, cwd, command.dryRun)}\n`);
    // With --dry-run, what would be applied is still in the code.
    const remaining = result.left.length + result.refused.length + (command.dryRun ? result.applied.length : 0);
    return remaining === 0 ? 0 : 1;
  } catch (error) {
    progress.clear();
    if (error instanceof UsageError) {
      err.write(`unblock-cli: ${error.message}\n`);
      return 2;
    }
    err.write(`unblock-cli: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.UNBLOCK_DEBUG) err.write(`${error instanceof Error ? error.stack : ''}\n`);
    return 3;
  }
}
