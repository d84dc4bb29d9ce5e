/**
 * The command line: `unblock-cli fix [paths…] [options]`. Unknown flags and commands are usage errors (exit 2).
 */
import { parseArgs } from 'node:util';
import { UsageError } from './project.js';

export interface Command {
  readonly command: 'fix' | 'help' | 'version';
  readonly paths: string[];
  readonly project: string | undefined;
  readonly worker: boolean;
  readonly chains: boolean;
  readonly dryRun: boolean;
  readonly eslintConfig: boolean;
}

export const usage = `Usage: unblock-cli fix [paths...] [options]

Rewrites the blocking calls inside async code of a TypeScript or JavaScript project to their async twins, then
type-checks the project with its own tsconfig: a file whose edits bring a new type error is put back as it was.

Options:
  -p, --project <tsconfig>  the project's tsconfig.json (or its folder); default: found from the current folder
      --chains              also make the chains of indirect findings async (helpers called from async code)
      --worker              also move CPU-bound calls to worker threads (needs the \`unblock\` package at run time)
      --dry-run             print a unified diff of the changes, write nothing
      --no-eslint-config    ignore the project's ESLint config (default: its unblock options are used)
  -h, --help                show this help
  -v, --version             show the version

Exit codes: 0 no finding left, 1 findings left or rewrites refused (with --dry-run: also rewrites it would make),
            2 usage or configuration error, 3 unexpected failure.`;

export function parseArguments(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        project: { type: 'string', short: 'p' },
        chains: { type: 'boolean' },
        worker: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        'eslint-config': { type: 'boolean' },
        'no-eslint-config': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
  }
  const { values, positionals } = parsed;
  const [command, ...paths] = positionals;
  const base = {
    paths,
    project: values.project,
    worker: values.worker === true,
    chains: values.chains === true,
    dryRun: values['dry-run'] === true,
    eslintConfig: values['no-eslint-config'] !== true,
  };
  if (values.help) return { ...base, command: 'help' };
  if (values.version) return { ...base, command: 'version' };
  if (command === undefined) throw new UsageError(`a command is needed\n\n${usage}`);
  if (command !== 'fix') throw new UsageError(`unknown command "${command}"\n\n${usage}`);
  return { ...base, command };
}
