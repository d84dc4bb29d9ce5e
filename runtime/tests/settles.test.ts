// Every call settles, whatever goes wrong between the threads, and the process exits afterwards. Each scenario runs in
// a child process (tests/fixtures/settles.cjs): a call that never settled would otherwise hang this test run.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtRuntime } from './built-runtime.js';

const script = join(__dirname, 'fixtures', 'settles.cjs');
const failures = join(__dirname, 'fixtures', 'failures.mjs');
let runtimeDir: string;

beforeAll(() => {
  runtimeDir = builtRuntime().dir;
});

type Settled = { value: unknown } | { name: string; message: string; code?: string };

const tooDeep = 'nested too deeply for structured clone (Maximum call stack size exceeded)';

/** Run one scenario; it must print how its calls settled and exit by itself, well within the timeout. */
function settle(scenario: string, nodeOptions: string[] = []): Settled[] {
  const child = spawnSync(process.execPath, [...nodeOptions, script, runtimeDir, scenario], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(child.error, `${scenario}: the process did not exit (a call never settled?)`).toBeUndefined();
  expect(child.stderr).toBe('');
  expect(child.status).toBe(0);
  return JSON.parse(child.stdout) as Settled[];
}

describe('every call settles and the process exits', () => {
  it('a result nested 2,000 levels deep rejects (the calling thread cannot rebuild it)', () => {
    const message = `unblock: what 'nested' returned or threw cannot be copied back from the worker thread: ${tooDeep}`;
    expect(settle('deep result')).toEqual([{ name: 'Error', message }]);
  });

  it('so does a thrown value nested as deep', () => {
    expect(settle('deep thrown value')).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^unblock: what 'throwNested' returned or threw cannot be copied back/) }),
    ]);
  });

  it('arguments the worker cannot rebuild reject (sent from a thread with a larger stack)', () => {
    const message = `unblock: the arguments of 'depthOf' cannot be read on the worker thread: ${tooDeep}`;
    expect(settle('deep arguments')).toEqual([{ name: 'Error', message }]);
  });

  it('process.exit() in the worker rejects', () => {
    expect(settle('process.exit')).toEqual([
      { name: 'Error', message: `unblock: calling 'exit' of '${failures}' on a worker thread failed: worker exited with code: 3` },
    ]);
  });

  it('a worker that runs out of memory rejects with ERR_WORKER_OUT_OF_MEMORY', () => {
    // --max-old-space-size applies to every thread's heap, so the worker reaches its limit in a second or two.
    const [settled] = settle('out of memory', ['--max-old-space-size=64']);
    expect(settled).toMatchObject({
      name: 'Error',
      code: 'ERR_WORKER_OUT_OF_MEMORY',
      message: expect.stringMatching(/^unblock: calling 'exhaustMemory' of '.*' on a worker thread failed: .*memory limit/),
    });
  });

  it('a module that does not exist rejects with ERR_MODULE_NOT_FOUND', () => {
    const [settled] = settle('unknown module');
    expect(settled).toMatchObject({ code: 'ERR_MODULE_NOT_FOUND', message: expect.stringContaining('no-such-module.mjs') });
  });

  it('closeWorkers() while calls are still queued lets every one of them finish first', () => {
    expect(settle('closed while queued')).toEqual([100, 101, 102, 103, 104, 105, 'closed'].map((value) => ({ value })));
  });
});
