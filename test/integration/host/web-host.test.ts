import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../../electron/host/web-host';
import { CoreHarness } from '../../support/core-harness';
import { makeTempDir } from '../../support/temp-dir';
import { TillClient } from '../../support/till-client';

let h: CoreHarness;
let host: WebHost;
let till: TillClient;
let staticDir: ReturnType<typeof makeTempDir>;

beforeEach(async () => {
  h = await CoreHarness.start();
  staticDir = makeTempDir();
  mkdirSync(join(staticDir.path, 'assets'));
  writeFileSync(join(staticDir.path, 'index.html'), '<!doctype html><title>Kassa</title>');
  writeFileSync(join(staticDir.path, 'assets', 'app.js'), 'console.log(1)');
  host = await startWebHost(h.core, { port: 0, staticDir: staticDir.path });
  till = await TillClient.signIn(host.launchUrl);
});
afterEach(async () => {
  await host.close();
  await h.close();
  staticDir.cleanup();
});

function invoke(name: string, body: unknown, headers: Record<string, string> = {}) {
  return till.request(`/api/invoke/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A contract call with no cookie at all, as any other local process would make it. */
function anonymousInvoke(name: string, body: unknown, headers: Record<string, string> = {}) {
  return request(`${host.url}/api/invoke/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

const goods = { productId: 'kaffe-etiopia-250', quantity: 1 };

describe('web host', () => {
  it('answers contract calls with Results', async () => {
    const res = await invoke('app.info', {});
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ ok: true, value: { mode: 'training', shop: { currency: 'NOK' } } });
  });

  it('validates requests with the contract and never throws across HTTP', async () => {
    const bad = await invoke('subscription.start', { planId: 'x', phone: { country: 'SE', number: '1' }, profileScopes: [] });
    expect(JSON.parse(bad.text)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const notJson = await invoke('app.info', '{nope');
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.text)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const unknown = await invoke('sales.deleteAll', {});
    expect(unknown.status).toBe(404);
  });

  it('answers a body over the limit with 413, saying it is too large', async () => {
    const res = await invoke('cart.add', JSON.stringify({ ...goods, padding: 'x'.repeat(70 * 1024) }));
    expect(res.status).toBe(413);
    expect(JSON.parse(res.text).error.message).toMatch(/too large/);
    expect(JSON.parse((await invoke('cart.get', {})).text).value.lines).toEqual([]);
  });

  it('answers malformed percent-encoding with 400, without an error log', async () => {
    for (const path of ['/%', '/%E0%A4%A', '/assets/%zz.js']) {
      const res = await request(`${host.url}${path}`);
      expect(res.statusCode, path).toBe(400);
      await res.body.dump();
    }
    expect(h.logger.lines.filter((line) => line.startsWith('error'))).toEqual([]);
  });

  it('does not log a client that abandons its own request as an error', async () => {
    const { port } = new URL(host.url);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    // Promise a body, send half of it, hang up.
    socket.write(
      `POST /api/invoke/cart.add HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${till.cookie}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"productId"`,
    );
    await new Promise<void>((resolve) => setImmediate(resolve));
    socket.destroy();
    await expect.poll(() => h.logger.lines.some((line) => line.includes('abandoned'))).toBe(true);
    expect(h.logger.lines.filter((line) => line.startsWith('error'))).toEqual([]);
  });

  it('refuses other origins and foreign Host headers', async () => {
    const crossOrigin = await invoke('app.info', {}, { origin: 'http://evil.example' });
    expect(crossOrigin.status).toBe(403);
    const rebinding = await invoke('app.info', {}, { host: 'evil.example' });
    expect(rebinding.status).toBe(421);
  });

  it('streams core events as server-sent events', async () => {
    const events = await till.events();
    expect(events.headers['content-type']).toBe('text/event-stream');
    const received = new Promise<string>((resolve) => {
      let text = '';
      events.body.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes('event: subscription.changed')) resolve(text);
      });
    });
    const started = await invoke('subscription.start', { requestId: randomUUID(), planId: 'kaffeklubben-mnd', phone: { country: 'NO', number: '91234567' }, profileScopes: [] });
    const sale = (JSON.parse(started.text) as { value: { id: string } }).value;
    const frame = await received;
    expect(frame).toContain(`"id":"${sale.id}"`);
    events.body.destroy();
  });

  it('serves the renderer with a strict CSP and the app shell for client routes', async () => {
    const page = await request(`${host.url}/customer-display`);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(await page.body.text()).toContain('<title>Kassa</title>');
    const asset = await request(`${host.url}/assets/app.js`);
    expect(asset.headers['content-type']).toContain('javascript');
    await asset.body.dump();
    const escape = await request(`${host.url}/..%2f..%2fpackage.json`);
    expect(await escape.body.text()).not.toContain('"name"');
  });
});

describe('the till API is the till page alone', () => {
  it('refuses a call without the session cookie with 401, and does nothing', async () => {
    for (const headers of [{} as Record<string, string>, { cookie: `kassa_till_${new URL(host.url).port}=${'A'.repeat(43)}` }]) {
      const res = await anonymousInvoke('cart.add', goods, headers);
      expect(res.statusCode).toBe(401);
      expect(await res.body.text()).not.toMatch(/kassa_till_\d+=/);
    }
    expect(JSON.parse((await invoke('cart.get', {})).text).value.lines).toEqual([]);
    const events = await request(`${host.url}/api/events`);
    expect(events.statusCode).toBe(401);
    await events.body.dump();
  });

  it('signs a browser in once per code: the cookie is HttpOnly and SameSite=Strict, the spent code is refused', async () => {
    const fresh = await startWebHost(h.core, { port: 0, staticDir: staticDir.path });
    try {
      const res = await request(fresh.launchUrl);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/');
      expect(res.headers['set-cookie']).toMatch(/^kassa_till_\d+=[\w-]+; HttpOnly; SameSite=Strict; Path=\/$/);
      await res.body.dump();
      const again = await request(fresh.launchUrl);
      expect(again.statusCode).toBe(401);
      expect(again.headers['set-cookie']).toBeUndefined();
      await again.body.dump();
    } finally {
      await fresh.close();
    }
  });

  it('keeps the one-time code out of the log', async () => {
    await request(host.launchUrl).then((res) => res.body.dump());
    const code = new URL(host.launchUrl).searchParams.get('code')!;
    expect(h.logger.lines.join('\n')).not.toContain(code);
  });

  it('lets the customer display read its own picture and events, and nothing else', async () => {
    const display = await till.customerDisplay();
    expect(await display.invoke('display.get', {})).toMatchObject({ ok: true, value: { phase: 'idle' } });
    expect((await display.invoke('app.info', {})).ok).toBe(true);
    for (const name of ['sales.list', 'subscription.get', 'sale.refund', 'cart.add', 'sync.deadLetters']) {
      const res = await display.request(`/api/invoke/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(res.status, name).toBe(403);
    }
    expect((await display.request('/api/display-link', { method: 'POST' })).status).toBe(403);

    const stream = await display.events();
    let text = '';
    const cartShown = new Promise<void>((resolve) =>
      stream.body.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes('event: display.changed')) resolve();
      }),
    );
    expect((await till.invoke('cart.add', goods)).ok).toBe(true);
    await cartShown;
    stream.body.destroy();
    expect(text).not.toContain('event: cart.changed');
  });
});
