/** How often the VS Code client starts a crashed server again (vscode-client/src/crashes.ts). */
import { describe, expect, it } from 'vitest';
import { CrashBudget, crashLimit } from '../vscode-client/src/crashes.js';

/** A budget on a clock the test moves. */
function budgetAt(start = 1_000_000) {
  let now = start;
  const budget = new CrashBudget(crashLimit, () => now);
  return { budget, advance: (ms: number) => (now += ms) };
}

describe('the crash budget of the VS Code client', () => {
  it('starts a new server after each of 4 crashes in 3 minutes, not after the 5th', () => {
    const { budget, advance } = budgetAt();
    const answers = [];
    for (let crash = 0; crash < 6; crash++) {
      answers.push(budget.crashed());
      advance(10_000);
    }
    expect(answers).toEqual([true, true, true, true, false, false]);
  });

  it('forgets crashes older than 3 minutes: a server that crashes now and then is always started again', () => {
    const { budget, advance } = budgetAt();
    const answers = [];
    for (let crash = 0; crash < 12; crash++) {
      answers.push(budget.crashed());
      advance(50_000); // 4 crashes in any 3 minutes at most
    }
    expect(answers.every(Boolean)).toBe(true);
  });

  it('counts the crashes of the last 3 minutes, however many came before', () => {
    const { budget, advance } = budgetAt();
    for (let crash = 0; crash < 4; crash++) budget.crashed();
    advance(crashLimit.withinMs + 1);
    expect([budget.crashed(), budget.crashed(), budget.crashed(), budget.crashed(), budget.crashed()]).toEqual([true, true, true, true, false]);
  });

  it('says why no server starts, and how to start one', () => {
    expect(new CrashBudget().refusal('unblock')).toBe(
      'The unblock server crashed 5 times in the last 3 minutes and will not be started again. See the Unblock output; "Unblock: Restart Server" starts it.',
    );
  });
});
