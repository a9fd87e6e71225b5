import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../../electron/host/web-host';
import { CoreHarness } from '../../support/core-harness';
import { makeTempDir } from '../../support/temp-dir';

let h: CoreHarness;
let host: WebHost;
let staticDir: ReturnType<typeof makeTempDir>;

beforeEach(async () => {
  h = await CoreHarness.start();
  staticDir = makeTempDir();
  mkdirSync(join(staticDir.path, 'assets'));
  writeFileSync(join(staticDir.path, 'index.html'), '<!doctype html><title>Kassa</title>');
  writeFileSync(join(staticDir.path, 'assets', 'app.js'), 'console.log(1)');
  host = await startWebHost(h.core, { port: 0, staticDir: staticDir.path });
});
afterEach(async () => {
  await host.close();
  await h.close();
  staticDir.cleanup();
});

function invoke(name: string, body: unknown, headers: Record<string, string> = {}) {
  return request(`${host.url}/api/invoke/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('web host', () => {
  it('answers contract calls with Results', async () => {
    const res = await invoke('app.info', {});
    expect(res.statusCode).toBe(200);
    expect(await res.body.json()).toMatchObject({ ok: true, value: { mode: 'training', shop: { currency: 'NOK' } } });
  });

  it('validates requests with the contract and never throws across HTTP', async () => {
    const bad = await invoke('subscription.start', { planId: 'x', phone: { country: 'SE', number: '1' }, profileScopes: [] });
    expect(await bad.body.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const notJson = await invoke('app.info', '{nope');
    expect(notJson.statusCode).toBe(400);
    expect(await notJson.body.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const unknown = await invoke('sales.deleteAll', {});
    expect(unknown.statusCode).toBe(404);
    await unknown.body.dump();
  });

  it('refuses other origins and foreign Host headers', async () => {
    const crossOrigin = await invoke('app.info', {}, { origin: 'http://evil.example' });
    expect(crossOrigin.statusCode).toBe(403);
    await crossOrigin.body.dump();
    const rebinding = await invoke('app.info', {}, { host: 'evil.example' });
    expect(rebinding.statusCode).toBe(421);
    await rebinding.body.dump();
  });

  it('streams core events as server-sent events', async () => {
    const events = await request(`${host.url}/api/events`);
    expect(events.headers['content-type']).toBe('text/event-stream');
    const received = new Promise<string>((resolve) => {
      let text = '';
      events.body.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes('event: subscription.changed')) resolve(text);
      });
    });
    const started = await invoke('subscription.start', { requestId: randomUUID(), planId: 'kaffeklubben-mnd', phone: { country: 'NO', number: '91234567' }, profileScopes: [] });
    const sale = ((await started.body.json()) as { value: { id: string } }).value;
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
