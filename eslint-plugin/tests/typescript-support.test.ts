/** The TypeScript version check the plugin runs when it loads (src/typescript-support.ts). */
import { describe, expect, it } from 'vitest';
import { supportedTypeScript, typeScriptProblem } from '../src/typescript-support.js';

describe('typeScriptProblem', () => {
  it('accepts the versions of the peer range', () => {
    expect(supportedTypeScript).toBe('>=5.0.0 <6.1.0');
    for (const version of ['5.0.2', '5.9.3', '6.0.3', '6.0.0-dev.20260101']) expect(typeScriptProblem(version, true), version).toBeUndefined();
  });

  it('is an error naming the version and the supported range for a TypeScript without the compiler API (TypeScript 7)', () => {
    expect(typeScriptProblem('7.0.2', false)).toEqual({
      level: 'error',
      message:
        'eslint-plugin-unblock: TypeScript 7.0.2 is installed, which has no compiler API for unblock (or typescript-eslint) to use; ' +
        'supported: TypeScript >=5.0.0 <6.1.0. Install a supported version: npm install --save-dev typescript@~6.0',
    });
  });

  it('is an error when no TypeScript is installed', () => {
    expect(typeScriptProblem(undefined, false)?.message).toBe(
      'eslint-plugin-unblock needs the `typescript` package (>=5.0.0 <6.1.0), and none was found. Install it: npm install --save-dev typescript@~6.0',
    );
  });

  it('is a warning for a version outside the range that still has the compiler API', () => {
    for (const version of ['4.9.5', '6.1.0']) {
      const problem = typeScriptProblem(version, true);
      expect(problem?.level, version).toBe('warning');
      expect(problem?.message).toContain(`TypeScript ${version} is not a supported version (supported: TypeScript >=5.0.0 <6.1.0)`);
    }
  });
});
