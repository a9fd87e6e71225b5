import { signInDemo } from '../support/demo-staff';
import { request } from 'undici';
import { createCore, type Core } from '../../electron/core/create-core';
import type { CoreConfig } from '../../electron/core/core-config';
import { silentLogger } from '../../electron/core/platform/logger';
import { startWebHost, type WebHost } from '../../electron/host/web-host';
import type { Sandbox } from '../../electron/sandbox/sandbox-api';
import type { EventName } from '../../shared/contract';
import { trainingConfig } from '../support/core-harness';
import { makeTempDir } from '../support/temp-dir';
import { TillClient } from '../support/till-client';

/**
 * A till as the bench drives it: a real core behind a real web host, watched the way the
 * cashier's screen is, through server-sent events. `firstSeen(event, id, status)` is when a record
 * reached a status on the "screen".
 */
export class BenchTill {
  private readonly seen = new Map<string, number>();
  private constructor(
    readonly core: Core,
    readonly host: WebHost,
    private readonly client: TillClient,
    private readonly stream: Awaited<ReturnType<typeof request>>,
    private readonly cleanup: () => void,
  ) {
    let buffer = '';
    stream.body.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(frame)?.[1];
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (!event || !data) continue;
        const record = JSON.parse(data) as { id?: string; status?: string };
        const key = `${event}|${record.id}|${record.status}`;
        if (!this.seen.has(key)) this.seen.set(key, performance.now());
      }
    });
  }

  static async start(sandbox: Sandbox, configure: (config: CoreConfig) => CoreConfig = (c) => c): Promise<BenchTill> {
    const dir = makeTempDir('kassa-bench-');
    const core = createCore(configure(trainingConfig(sandbox, dir.path)), { logger: silentLogger });
    await core.start();
    const host = await startWebHost(core, { port: 0, staticDir: dir.path });
    // As the cashier's page: through the printed address (its session cookie), then the demo manager's PIN.
    const client = await TillClient.signIn(host.launchUrl);
    const stream = await client.events();
    const till = new BenchTill(core, host, client, stream, dir.cleanup);
    await signInDemo((name, body) => client.invoke(name, body));
    return till;
  }

  async invoke<T>(name: string, body: unknown): Promise<T> {
    const result = (await this.client.invoke(name, body)) as { ok: boolean; value: T; error?: unknown };
    if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
    return result.value;
  }

  /** Resolves with the moment the screen learnt that record `id` reached `status`. */
  async whenSeen(event: EventName, id: string, status: string): Promise<number> {
    const key = `${event}|${id}|${status}`;
    while (!this.seen.has(key)) await delay(5);
    return this.seen.get(key)!;
  }

  async stop(): Promise<void> {
    this.stream.body.destroy();
    await this.host.close();
    await this.core.stop();
    this.cleanup();
  }
}

/** Real time passing, as a customer takes it: the bench measures wall-clock latency on purpose. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A moment after the first poll at which a customer answers. */
export const customerThinkingMs = () => 5_500 + Math.random() * 4_000;
