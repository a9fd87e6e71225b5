import { request } from 'undici';
import { createCore } from '../../electron/core/create-core';
import { silentLogger } from '../../electron/core/platform/logger';
import { startWebHost } from '../../electron/host/web-host';
import { createSandbox } from '../../electron/sandbox/create-sandbox';
import type { Sandbox } from '../../electron/sandbox/sandbox-api';
import { trainingConfig } from '../support/core-harness';
import { makeTempDir } from '../support/temp-dir';
import { sandboxControl } from '../support/sandbox-control';
import { percentile, type Metric } from './bench-kit';

const TILLS = 8;
const SALES_PER_TILL = 3;

/**
 * Time from the customer's approval (the sandbox has answered the approve call) to the event that
 * repaints the cashier's screen arriving over the web host's server-sent events, at the default
 * poll schedule, in real time. Several tills run side by side, so the run takes ~30 s.
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
  const dir = makeTempDir('kassa-bench-');
  const core = createCore(trainingConfig(sandbox, dir.path), { logger: silentLogger });
  core.start();
  const host = await startWebHost(core, { port: 0, staticDir: dir.path });
  const events = await request(`${host.url}/api/events`);
  const activeAt = new Map<string, number>();
  let buffer = '';
  events.body.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = /^data: (.*)$/m.exec(frame)?.[1];
      if (!data) continue;
      const sale = JSON.parse(data) as { id: string; status: string };
      if (sale.status === 'active' && !activeAt.has(sale.id)) activeAt.set(sale.id, performance.now());
    }
  });

  try {
    for (let i = 0; i < SALES_PER_TILL; i++) {
      const phone = `4${String(1000000 + till * 100 + i).padStart(7, '0')}`;
      const started = await invoke(host.url, 'subscription.start', { planId: 'kaffeklubben-mnd', phone: { country: 'NO', number: phone }, profileScopes: [] });
      // The customer answers at a random moment after the first poll, as people do.
      await delay(5_500 + Math.random() * 4_000);
      await sandboxControl(sandbox, 'POST', `/agreements/${started.agreementId}/approve`, {});
      const approvedAt = performance.now();
      while (!activeAt.has(started.id)) await delay(10);
      samples.push(activeAt.get(started.id)! - approvedAt);
    }
  } finally {
    events.body.destroy();
    await host.close();
    await core.stop();
    dir.cleanup();
  }
}

async function invoke(url: string, name: string, body: unknown): Promise<{ id: string; agreementId: string }> {
  const res = await request(`${url}/api/invoke/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const result = (await res.body.json()) as { ok: boolean; value: { id: string; agreementId: string }; error?: unknown };
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
