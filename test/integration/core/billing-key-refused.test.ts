import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { trainingCredentials } from '../../../electron/sandbox/training-credentials';
import { CoreHarness } from '../../support/core-harness';

/** A till whose billing API key is refused must say so, not send the cashier to check the network. */

let h: CoreHarness;
beforeEach(async () => {
  h = await CoreHarness.start();
});
afterEach(async () => {
  await h.close();
});

const refuseKey = () => h.control('PUT', `/billing/keys/${trainingCredentials.billingApiKey}`, { rejected: true });

describe('a refused billing API key', () => {
  it('at start, with no saved catalogue: the plan and product lists say the key was refused (BILLING_AUTH)', async () => {
    await refuseKey();
    for (const call of ['catalogue.plans', 'products.list'] as const) {
      const result = await h.invoke(call, {});
      expect(result, call).toMatchObject({ ok: false, error: { code: 'BILLING_AUTH' } });
      if (!result.ok) {
        expect(result.error.message).toMatch(/refused this till's API key/);
        expect(result.error.message).not.toMatch(/unreachable|network/i);
        expect(result.error.message).not.toContain(trainingCredentials.billingApiKey);
      }
    }
  });

  it('with a saved catalogue: the till keeps selling from it', async () => {
    const live = await h.value('catalogue.plans', {});
    await refuseKey();
    const cached = await h.value('catalogue.plans', {});
    expect(cached).toMatchObject({ source: 'cache', fetchedAt: live.fetchedAt });
    expect(cached.plans).toEqual(live.plans);
  });
});
