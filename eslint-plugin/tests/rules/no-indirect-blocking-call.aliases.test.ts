/**
 * Helpers reached through another name: `module.exports = { lock: readLock }` (a property whose value names a
 * function), `const alias = readLock`, and a memoized helper exported the same way.
 */
import rule from '../../src/rules/no-indirect-blocking-call.js';
import { indirectInMain } from '../util/indirect-message.js';
import { typedRuleTester } from '../util/rule-tester.js';

const indirect = (helper: string, chain: string) => indirectInMain(helper, chain, 'fs.promises.readFile');

typedRuleTester().run('no-indirect-blocking-call (helpers under other names)', rule, {
  valid: [
    // not in async code
    { code: `const helpers = require('./indirect-cjs-named.js'); function main() { return helpers.lock(); }`, filename: 'script.js' },
  ],
  invalid: [
    {
      code: `const helpers = require('./indirect-cjs-named.js');
async function main() { return [helpers.readPid(), helpers.lock(), helpers.alias(), helpers.pidOnce()]; }`,
      filename: 'script.js',
      errors: [
        indirect('readPid', 'readPid → fs.readFileSync (indirect-cjs-named.js:7)'),
        indirect('readLock', 'readLock → fs.readFileSync (indirect-cjs-named.js:10)'),
        indirect('readLock', 'readLock → fs.readFileSync (indirect-cjs-named.js:10)'),
        indirect('readPid', 'readPid → fs.readFileSync (indirect-cjs-named.js:7)'),
      ],
    },
  ],
});
