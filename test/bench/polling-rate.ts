import { signInDemo } from '../support/demo-staff';
import { randomUUID } from 'node:crypto';
import { createCore } from '../../electron/core/create-core';
import { createHttpClient, type HttpClient } from '../../electron/core/http/http-client';
import { FakeClock } from '../../electron/core/platform/clock';
import { silentLogger } from '../../electron/core/platform/logger';
import { createSandbox } from '../../electron/sandbox/create-sandbox';
import { trainingConfig } from '../support/core-harness';
import { makeTempDir } from '../support/temp-dir';
import { sandboxControl } from '../support/sandbox-control';
import type { Metric } from './bench-kit';

/**
 * The highest number of status requests Kassa makes for one agreement in any sliding minute, over
 * the agreement's whole 10-minute life, with 503s and 429s injected on the way. Runs on a fake
 * clock shared with the sandbox, so ten simulated minutes take a second.
 */
export async function measurePollingRate(): Promise<Metric[]> {
  const clock = new FakeClock();
  const sandbox = await createSandbox({ port: 0, now: () => clock.now(), recordExchanges: false });
  const dir = makeTempDir('kassa-bench-');
  const sent: number[] = [];
  const real = createHttpClient();
  const counting: HttpClient = {
    send(req) {
      if (req.method === 'GET' && /\/recurring\/v3\/agreements\/[^/]+$/.test(new URL(req.url).pathname)) sent.push(clock.now());
      return real.send(req);
    },
    close: () => real.close(),
  };
  const core = createCore(trainingConfig(sandbox, dir.path), { clock, logger: silentLogger, http: counting });
  try {
    await core.start();
    await signInDemo(async (name, body) => ({ ok: true, value: await core.handlers[name as 'staff.list'](body as never) }));
    const started = await core.handlers['subscription.start']({ requestId: randomUUID(), planId: 'kaffeklubben-mnd', phone: { country: 'NO', number: '41234567' }, profileScopes: [] });
    const faults = [
      { kind: 'status', status: 503, method: 'GET', pathPrefix: '/recurring/v3/agreements', count: 3 },
      { kind: 'rate-limit', retryAfterSeconds: 3, method: 'GET', pathPrefix: '/recurring/v3/agreements', count: 2 },
    ];
    for (let step = 0; step < 12 * 60 * 4; step++) {
      if (step === 200) await sandboxControl(sandbox, 'POST', '/faults', faults[0]);
      if (step === 800) await sandboxControl(sandbox, 'POST', '/faults', faults[1]);
      await clock.advance(250);
      await core.idle();
      if ((await core.handlers['subscription.get']({ saleId: started.id })).status === 'expired') break;
    }
  } finally {
    await core.stop();
    await real.close();
    await sandbox.close();
    dir.cleanup();
  }
  let highest = 0;
  for (let i = 0; i < sent.length; i++) {
    const inWindow = sent.filter((at) => at >= sent[i]! && at < sent[i]! + 60_000).length;
    highest = Math.max(highest, inWindow);
  }
  return [
    { name: 'polls-per-agreement-max-per-minute', value: highest, unit: 'requests/min', budget: '<= 60' },
    { name: 'polls-per-agreement-total-10-min', value: sent.length, unit: 'requests', budget: '<= 600' },
  ];
}
