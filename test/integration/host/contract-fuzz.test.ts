import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DATABASE_FILE } from '../../../electron/core/db/open-database';
import { startWebHost, type WebHost } from '../../../electron/host/web-host';
import { invokeContract, invokeNames } from '../../../shared/contract';
import { CoreHarness } from '../../support/core-harness';
import { makeTempDir } from '../../support/temp-dir';
import { TillClient } from '../../support/till-client';

/**
 * Hostile and broken requests to every contract call, through the web host as any local client
 * could send them: wrong types, huge and deep bodies, prototype-pollution keys, lone surrogates,
 * bytes that are not UTF-8. None may crash the till (no 500), and none may leave a trace: the
 * rows in SQLite and the money movements in the sandbox are the same afterwards.
 */
let h: CoreHarness;
let host: WebHost;
let staticDir: ReturnType<typeof makeTempDir>;
let till: TillClient;

beforeAll(async () => {
  h = await CoreHarness.start();
  await h.control('PUT', '/billing/products', { products: [{ id: 'mug', name: 'Krus', unitPrice: 19900, currency: 'NOK', vatRate: 2500 }] });
  staticDir = makeTempDir();
  mkdirSync(join(staticDir.path, 'assets'));
  writeFileSync(join(staticDir.path, 'index.html'), '<!doctype html><title>Kassa</title>');
  host = await startWebHost(h.core, { port: 0, staticDir: staticDir.path });
  till = await TillClient.signIn(host.launchUrl);
  // A sale to refund and a cart to pay, so the fuzzed calls reach the code behind validation.
  await h.value('cart.add', { productId: 'mug' });
  await h.value('payment.cash', { tendered: 20000 });
  await h.value('cart.add', { productId: 'mug' });
}, 60_000);
afterAll(async () => {
  await host.close();
  await h.close();
  staticDir.cleanup();
});

/** As the till's own page would send it: with the session cookie, so the request reaches the core. */
function post(name: string, body: string | Buffer) {
  return till.request(`/api/invoke/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}

/** What a call can change: rows of every table that holds sales or money, and the sandbox's money. */
async function footprint() {
  const db = new BetterSqlite3(join(h.dataDir.path, DATABASE_FILE), { readonly: true });
  try {
    const tables = ['sales', 'subscription_sales', 'refunds', 'outbox', 'client_requests', 'receipt_counter'];
    const rows = Object.fromEntries(tables.map((table) => [table, (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n]));
    const { payments } = await h.control('GET', '/payments');
    const { agreements } = await h.control('GET', '/agreements');
    return { rows, payments: JSON.stringify(payments), agreements: JSON.stringify(agreements) };
  } finally {
    db.close();
  }
}

const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const hostileValues: unknown[] = [
  null,
  '',
  -1,
  0,
  1.5,
  2 ** 53,
  -(2 ** 53),
  1e308,
  true,
  [],
  {},
  '\ud800',
  'x\udfffy',
  '𝟘'.repeat(100),
  'x'.repeat(10_000),
  { nested: { deeper: [1, 2, { deepest: '\u0000' }] } },
  JSON.parse('{"__proto__": {"polluted": 1}}'),
];

/** Keys of a request schema (the first shape of a union), so each field gets every hostile value. */
function requestKeys(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodUnion || schema instanceof z.ZodDiscriminatedUnion) {
    return [...new Set((schema.options as z.ZodType[]).flatMap(requestKeys))];
  }
  return [];
}

/** Bodies that no call accepts as a whole, or that carry a single hostile field and nothing else. */
function hostileBodies(name: keyof typeof invokeContract): Array<string | Buffer> {
  const whole = ['null', '[]', '"text"', '42', 'true', '{', '{"a":', deep(5_000), JSON.stringify({ a: JSON.parse(deep(200)) })];
  const pollution = [
    '{"__proto__": {"polluted": 1}}',
    '{"constructor": {"prototype": {"polluted": 1}}}',
    '{"__proto__": null, "toString": 1, "hasOwnProperty": 2}',
  ];
  const bytes = [Buffer.from([0xff, 0xfe, 0x7b, 0x7d]), Buffer.from('{"requestId": "\\ud800"}')];
  const fields = requestKeys(invokeContract[name].request).flatMap((key) => hostileValues.map((value) => JSON.stringify({ [key]: value })));
  return [...whole, ...pollution, ...bytes, ...fields];
}

describe('every contract call, fuzzed through the web host', () => {
  it('answers every hostile request without a 500, changes nothing, and pollutes no prototype', async () => {
    const before = await footprint();
    let sent = 0;
    for (const name of invokeNames) {
      for (const body of hostileBodies(name)) {
        const res = await post(name, body).catch((error: unknown) => {
          throw new Error(`${name} ${String(body).slice(0, 80)}: ${String(error)}`);
        });
        const text = res.text;
        sent++;
        expect(res.status, `${name} ${String(body).slice(0, 80)} -> ${text.slice(0, 200)}`).toBeLessThan(500);
        const answer = JSON.parse(text) as { ok: boolean; error?: { code: string } };
        if (!answer.ok) expect(answer.error?.code, `${name} ${String(body).slice(0, 80)}`).not.toBe('INTERNAL');
      }
    }
    // A body past the limit is refused as too large, whatever the call.
    const huge = await post('cart.add', JSON.stringify({ productId: 'x'.repeat(200_000) }));
    expect(huge.status).toBe(413);

    expect(sent).toBeGreaterThan(invokeNames.length * 10);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    await h.core.idle();
    expect(await footprint()).toEqual(before);
    // The till still works afterwards.
    expect(JSON.parse((await post('app.info', '{}')).text)).toMatchObject({ ok: true });
  }, 120_000);
});
