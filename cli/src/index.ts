/**
 * unblock-cli as a library: `runFix` (what `unblock-cli fix` does) and its report, for scripts and tests.
 */
export { runFix, type Entry, type FixOptions, type FixResult } from './fix.js';
export { parseArguments, usage, type Command } from './arguments.js';
export { main } from './main.js';
export { UsageError } from './project.js';
