import { randomUUID } from 'node:crypto';
import { createSandbox } from '../../electron/sandbox/create-sandbox';
import type { Sandbox } from '../../electron/sandbox/sandbox-api';
import { sandboxControl } from '../support/sandbox-control';
import { percentile, type Metric } from './bench-kit';
import { BenchTill, customerThinkingMs, delay } from './bench-till';

const TILLS = 8;
const SALES_PER_TILL = 3;

/**
 * Time from the customer's approval of a subscription (the sandbox has answered the approve call)
 * to the event that repaints the cashier's screen, at the default poll schedule, in real time.
 * Several tills run side by side, so the run takes ~30 s.
 */
export async function measureApprovalLatency(): Promise<Metric[]> {
  const sandbox = await createSandbox({ port: 0, recordExchanges: false });
  const samples: number[] = [];
  try {
    await Promise.all(Array.from({ length: TILLS }, (_, till) => runTill(sandbox, till, samples)));
  } finally {
    await sandbox.close();
  }
  return [
    { name: 'approval-to-screen-p50', value: Math.round(percentile(samples, 50)), unit: 'ms', budget: '<= 2500' },
    { name: 'approval-to-screen-p95', value: Math.round(percentile(samples, 95)), unit: 'ms', budget: '<= 2500' },
  ];
}

async function runTill(sandbox: Sandbox, till: number, samples: number[]): Promise<void> {
  const kassa = await BenchTill.start(sandbox);
  try {
    for (let i = 0; i < SALES_PER_TILL; i++) {
      const phone = `4${String(1000000 + till * 100 + i).padStart(7, '0')}`;
      const sale = await kassa.invoke<{ id: string; agreementId: string }>('subscription.start', {
        requestId: randomUUID(),
        planId: 'kaffeklubben-mnd',
        phone: { country: 'NO', number: phone },
        profileScopes: [],
      });
      await delay(customerThinkingMs());
      await sandboxControl(sandbox, 'POST', `/agreements/${sale.agreementId}/approve`, {});
      const approvedAt = performance.now();
      samples.push((await kassa.whenSeen('subscription.changed', sale.id, 'active')) - approvedAt);
    }
  } finally {
    await kassa.stop();
  }
}
