/**
 * Keeping the server's memory flat over long sessions. Each edit builds a new TypeScript program and type checker,
 * so the server makes garbage fast: V8 lets it pile up to four times the live objects, and glibc's malloc keeps
 * much of what is freed. Measured by `npm run bench:soak` (RSS from edit 100 to edit 2,000): +20–35% with neither
 * setting below; with both, +2–3% in 11 of 14 runs and +32% in three, where one V8 thread's 64 MB malloc arena
 * stayed reserved after a single burst (glibc only returns an arena's free memory above its last block in use).
 * The bursts seen growing those arenas were TurboFan compilations, whose zones are malloc'd in 32 KB segments; the
 * largest compiles TypeScript's createTypeChecker, run once per edit (29 KB of bytecode, a second of compiling).
 */
import { setFlagsFromString } from 'node:v8';

/**
 * The environment to start the server with: what the VS Code extension sets, what the editors guide recommends
 * for other editors, and what the benchmarks start it with.
 *
 * glibc's malloc raises its mmap threshold, and with it how much freed memory each arena keeps (twice that), to the
 * size of the largest block freed so far, up to 32 MB. Loading TypeScript frees such a block: Node 20 reads
 * typescript.js (9 MB; 10 MB for the bundled server) into a string it grows by doubling, and frees 16 MB. From then
 * on every thread's arena may keep 32 MB it no longer uses. A fixed threshold turns the adjustment off; other C
 * libraries ignore the variable.
 */
export const serverEnvironment: Readonly<Record<string, string>> = {
  MALLOC_MMAP_THRESHOLD_: '131072',
};

/** `environment` with `serverEnvironment` added, keeping a value the user set. */
export function withServerEnvironment(environment: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...serverEnvironment, ...environment };
}

/**
 * Lets V8's old generation grow to twice the live objects before a full collection, instead of up to four times:
 * the soak's peak RSS falls from about 700 MB to about 440 MB (for 120 MB of live objects), at no measurable
 * latency cost (`npm run bench:lsp`, `npm run bench:soak`). Skipped (false) when the user passed the flag to Node.
 */
export function limitHeapGrowth(execArgv: readonly string[] = process.execArgv, setFlags: (flags: string) => void = setFlagsFromString): boolean {
  if (execArgv.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg))) return false;
  setFlags('--heap-growing-percent=100');
  return true;
}
