// Which TypeScript the typed engine runs on, checked the first time a rule gets type information (the untyped engine
// needs no TypeScript): a TypeScript without one (TypeScript 7 is a native compiler; its npm entry exports only `version`) or no
// TypeScript at all is one clear error naming what was found and what is supported; a version outside the supported
// range that still has the API is one warning.
import type Semver from 'semver';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the supported range is the peer range, read at runtime
const { peerDependencies } = require('../package.json') as { peerDependencies: { typescript: string } };

/** The `typescript` peer range of package.json: what the rules are tested with. */
export const supportedTypeScript = peerDependencies.typescript;

export interface TypeScriptProblem {
  level: 'error' | 'warning';
  message: string;
}

const install = 'npm install --save-dev typescript@~6.0';

/**
 * What is wrong with the TypeScript found: `version` undefined when none resolves, `hasCompilerApi` whether its
 * entry point exports the compiler API (`createProgram`).
 */
export function typeScriptProblem(version: string | undefined, hasCompilerApi: boolean, range = supportedTypeScript): TypeScriptProblem | undefined {
  if (version === undefined) {
    return { level: 'error', message: `eslint-plugin-unblock needs the \`typescript\` package (${range}), and none was found. Install it: ${install}` };
  }
  if (!hasCompilerApi) {
    return {
      level: 'error',
      message:
        `eslint-plugin-unblock: TypeScript ${version} is installed, which has no compiler API for unblock (or typescript-eslint) to use; ` +
        `supported: TypeScript ${range}. Install a supported version: ${install}`,
    };
  }
  // semver (47 modules) is loaded here, with the typed engine, not when the plugin loads (oxlint never needs it).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const semver = require('semver') as typeof Semver;
  if (!semver.satisfies(version, range, { includePrerelease: true })) {
    return {
      level: 'warning',
      message: `eslint-plugin-unblock: TypeScript ${version} is not a supported version (supported: TypeScript ${range}); findings may be wrong or missing. ${install}`,
    };
  }
  return undefined;
}

function installedTypeScript(): { version: string | undefined; hasCompilerApi: boolean } {
  let version: string | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- resolved from where the rules resolve it
    version = (require('typescript/package.json') as { version: string }).version;
  } catch {
    return { version: undefined, hasCompilerApi: false };
  }
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return { version, hasCompilerApi: typeof (require('typescript') as { createProgram?: unknown }).createProgram === 'function' };
  } catch {
    return { version, hasCompilerApi: false };
  }
}

/** What the check found: undefined until it has run, null when nothing is wrong. */
let found: TypeScriptProblem | null | undefined;

/**
 * Run before the typed engine loads (the first time a rule gets type information): a warning once, and an error on
 * every call, so no later file reaches a TypeScript without the compiler API.
 */
export function assertTypeScriptSupported(): void {
  if (found === undefined) {
    const installed = installedTypeScript();
    found = typeScriptProblem(installed.version, installed.hasCompilerApi) ?? null;
    if (found?.level === 'warning') process.emitWarning(found.message, { code: 'UNBLOCK_TYPESCRIPT_VERSION' });
  }
  if (found?.level === 'error') throw new Error(found.message);
}
