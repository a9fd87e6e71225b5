import { randomUUID } from 'node:crypto';
import { createSandbox } from '../../electron/sandbox/create-sandbox';
import { sandboxControl } from '../support/sandbox-control';
import { percentile, type Metric } from './bench-kit';
import { createCore } from '../../electron/core/create-core';
import { dispatch } from '../../electron/core/dispatch';
import type { InvokeName } from '../../shared/contract';
import { trainingConfig } from '../support/core-harness';
import { signInDemo } from '../support/demo-staff';
import { makeTempDir } from '../support/temp-dir';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

const LOOKUPS = 40;
const PLANS = ['kaffeklubben-mnd', 'sykkelservice-aar', 'treningssenter-basis'];

/**
 * Phone number → subscriber with each agreement's live state, as the cashier's search asks it
 * (the core in process, over real HTTP to the sandbox): one billing lookup, then a GET per agreement at Vipps (in parallel). The
 * subscriber has 3 agreements; rate limits are on, as in the real API.
 */
export async function measureCustomerLookup(): Promise<Metric[]> {
  const sandbox = await createSandbox({ port: 0, recordExchanges: false });
  const samples: number[] = [];
  try {
    const dir = makeTempDir('kassa-bench-');
    const core = createCore(trainingConfig(sandbox, dir.path), { logger: silent });
    await core.start();
    const till = {
      async invoke<T>(name: string, body: unknown): Promise<T> {
        const result = await dispatch(core.handlers, name as InvokeName, body, silent);
        if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
        return result.value as T;
      },
      async whenActive(saleId: string): Promise<void> {
        for (;;) {
          const sale = await this.invoke<{ status: string }>('subscription.get', { saleId });
          if (sale.status === 'active') return;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      },
    };
    await signInDemo(async (name, body) => ({ ok: true, value: await till.invoke(name, body) }));
    try {
      for (const planId of PLANS) {
        const sale = await till.invoke<{ id: string; agreementId: string }>('subscription.start', {
          requestId: randomUUID(),
          planId,
          phone: { country: 'NO', number: '91234567' },
          profileScopes: ['name'],
        });
        await sandboxControl(sandbox, 'POST', `/agreements/${sale.agreementId}/approve`, {});
        await till.whenActive(sale.id);
      }
      await till.invoke('sync.now', {});
      for (let i = 0; i < LOOKUPS; i++) {
        const started = performance.now();
        const found = await till.invoke<{ subscribers: Array<{ agreements: Array<{ live: unknown }> }> }>('customers.lookup', { phone: { country: 'NO', number: '91234567' } });
        samples.push(performance.now() - started);
        const live = found.subscribers[0]?.agreements.filter((a) => a.live !== null).length ?? 0;
        if (live !== PLANS.length) throw new Error(`lookup showed ${live} live agreements, expected ${PLANS.length}`);
      }
    } finally {
      await core.stop();
      dir.cleanup();
    }
  } finally {
    await sandbox.close();
  }
  return [
    { name: 'customer-lookup-p50-ms', value: Math.round(percentile(samples, 50)), unit: 'ms', budget: '<= 500' },
    { name: 'customer-lookup-p95-ms', value: Math.round(percentile(samples, 95)), unit: 'ms', budget: '<= 500' },
  ];
}
