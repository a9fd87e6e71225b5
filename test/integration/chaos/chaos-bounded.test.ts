import { describe, expect, it } from 'vitest';
import { runChaos } from '../../chaos/chaos-run';

/**
 * The bounded run of the fault and crash test (`npm run test:chaos` runs 5,000 sales). Needs the
 * built web host (`npm test` builds first).
 */
describe('the fault and crash test', () => {
  it('loses no sale and charges nobody twice through faults and SIGKILLs', async ({ signal }) => {
    // `signal` aborts when the test times out: the run then stops and kills its tills.
    const report = await runChaos({ sales: 300, tills: 4, seed: 20261122, signal });
    console.log(
      `chaos: sales ${report.sales.total} (cash ${report.sales.cash}, vipps ${report.sales.vipps}, subscriptions ${report.sales.subscriptions}), ` +
        `faults injected ${report.faultsInjected}, kills ${report.kills}, retries ${report.retries}, refunds ${report.refunds}, ` +
        `answers dropped and sent again ${report.answersDropped}, duplicates found: ${report.duplicatesFound}, double refunds ${report.doubleRefunds}, ${report.seconds} s`,
    );
    expect(report.violations).toEqual([]);
    expect(report.duplicatesFound).toBe(0);
    expect(report.doubleRefunds).toBe(0);
    expect(report.refunds).toBeGreaterThan(0);
    expect(report.answersDropped).toBeGreaterThan(0);
    expect(report.sales.total).toBeGreaterThanOrEqual(290);
    expect(report.kills).toBeGreaterThan(0);
    expect(report.faultsInjected).toBeGreaterThan(0);
  }, 300_000);
});
