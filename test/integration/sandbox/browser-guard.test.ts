import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Harness } from './harness';

/** Another web page in the trainer's browser must not drive the sandbox's control API or phone pages. */

let h: Harness;
beforeEach(async () => {
  h = await startSandbox();
});
afterEach(() => h.close());

function send(method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: unknown) {
  return request(`${h.sandbox.url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const fault = { kind: 'status', status: 500, pathPrefix: '/epayment', count: 1 };

describe('the sandbox control API and phone pages', () => {
  it('refuse a request from another origin, and do nothing', async () => {
    const armed = await send('POST', '/_control/faults', { origin: 'http://evil.example' }, fault);
    expect(armed.statusCode).toBe(403);
    await armed.body.dump();
    const reset = await send('POST', '/_control/reset', { origin: 'null' });
    expect(reset.statusCode).toBe(403);
    await reset.body.dump();
    expect((await h.control('GET', '/faults')).body).toEqual({ faults: [] });

    const { reference } = await h.createPayment();
    const approve = await send('POST', `/_control/payments/${reference}/approve`, { origin: 'http://evil.example' }, {});
    expect(approve.statusCode).toBe(403);
    await approve.body.dump();
    const phone = await send('GET', '/phone/4791234567', { origin: 'http://127.0.0.1:1' });
    expect(phone.statusCode).toBe(403);
    await phone.body.dump();
    expect((await h.control('GET', `/payments/${reference}`)).body).toMatchObject({ state: 'CREATED' });
  });

  it('refuse a Host that is not the sandbox (DNS rebinding)', async () => {
    for (const path of ['/_control/faults', '/phone']) {
      const res = await send('GET', path, { host: 'evil.example' });
      expect(res.statusCode, path).toBe(421);
      await res.body.dump();
    }
  });

  it('answer Node clients and the sandbox’s own pages', async () => {
    const { port } = new URL(h.sandbox.url);
    const own = await send('POST', '/_control/faults', { origin: `http://127.0.0.1:${port}` }, fault);
    expect(own.statusCode).toBe(201);
    await own.body.dump();
    const byName = await send('GET', '/phone', { host: `localhost:${port}` });
    expect(byName.statusCode).toBe(200);
    await byName.body.dump();
    // What tests and the chaos driver do: fetch with the sandbox's Host and no Origin.
    const plain = await fetch(`${h.sandbox.controlUrl}/faults`);
    expect(plain.status).toBe(200);
    expect(((await plain.json()) as { faults: unknown[] }).faults).toHaveLength(1);
  });

  it('leave the Vipps and billing APIs to their keys', async () => {
    const res = await send('GET', '/billing/v1/plans', { origin: 'http://evil.example' });
    expect(res.statusCode).toBe(401);
    await res.body.dump();
  });
});
