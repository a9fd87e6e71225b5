import { createCore, type Core } from '../../electron/core/create-core';
import type { CoreConfig } from '../../electron/core/core-config';
import { FakeClock } from '../../electron/core/platform/clock';
import type { Logger } from '../../electron/core/platform/logger';
import { createSandbox } from '../../electron/sandbox/create-sandbox';
import type { Sandbox } from '../../electron/sandbox/sandbox-api';
import { trainingConnection } from '../../electron/host/training-connection';
import type { InvokeName, InvokeResponse } from '../../shared/contract';
import { withRequestId, type TestRequest } from './intentions';
import { signInDemo } from './demo-staff';
import type { StaffRole } from '../../shared/staff';
import { dispatch } from '../../electron/core/dispatch';
import type { Result } from '../../shared/result';
import type { SubscriptionSale } from '../../shared/subscription';
import { makeTempDir } from './temp-dir';
import { sandboxControl } from './sandbox-control';

/** Log lines a test can inspect (e.g. to prove no secret was written). */
export class MemoryLogger implements Logger {
  readonly lines: string[] = [];
  info = (message: string, fields?: Record<string, unknown>) => void this.lines.push(`info ${message} ${JSON.stringify(fields ?? {})}`);
  warn = (message: string, fields?: Record<string, unknown>) => void this.lines.push(`warn ${message} ${JSON.stringify(fields ?? {})}`);
  error = (message: string, fields?: Record<string, unknown>) => void this.lines.push(`error ${message} ${JSON.stringify(fields ?? {})}`);
}

export function trainingConfig(sandbox: Pick<Sandbox, 'url' | 'phonePageUrl'>, dataDir: string): CoreConfig {
  return {
    mode: 'training',
    dataDir,
    tillId: 'till-test',
    shop: { name: 'Test Shop', country: 'NO', currency: 'NOK', locale: 'nb-NO' },
    agreementUrls: { merchantRedirectUrl: 'https://kassa.example/thanks', merchantAgreementUrl: 'https://kassa.example/subscriptions' },
    ...trainingConnection(sandbox),
  };
}

/**
 * A real sandbox and a real core on a real SQLite file, sharing one fake clock: the core's poll
 * timers and the sandbox's expiries move only when the test advances time. Nothing sleeps.
 */
export class CoreHarness {
  core!: Core;
  readonly logger = new MemoryLogger();
  private readonly latest = new Map<string, SubscriptionSale>();
  private readonly waiters: Array<{ saleId: string; test: (s: SubscriptionSale) => boolean; resolve: (s: SubscriptionSale) => void }> = [];

  private constructor(
    readonly clock: FakeClock,
    readonly sandbox: Sandbox,
    readonly dataDir: { path: string; cleanup: () => void },
  ) {}

  /**
   * `signIn`: who is at the till once it has started (the demo manager unless a test says
   * otherwise: most tests are about sales, not about who may make them); null for nobody.
   */
  static async start(options: { configure?: (config: CoreConfig) => CoreConfig; signIn?: StaffRole | null } = {}): Promise<CoreHarness> {
    const clock = new FakeClock();
    const sandbox = await createSandbox({ port: 0, now: () => clock.now() });
    const harness = new CoreHarness(clock, sandbox, makeTempDir());
    harness.configure = options.configure ?? ((c) => c);
    harness.signInAs = options.signIn === undefined ? 'manager' : options.signIn;
    await harness.boot();
    return harness;
  }

  private configure: (config: CoreConfig) => CoreConfig = (c) => c;
  private signInAs: StaffRole | null = 'manager';

  /** Starts a core on the harness's data directory (again, after a simulated crash), and signs in. */
  async boot(clock: FakeClock = this.clock): Promise<Core> {
    this.core = createCore(this.configure(trainingConfig(this.sandbox, this.dataDir.path)), { clock, logger: this.logger, random: () => 0.5 });
    this.core.events.on('subscription.changed', (sale) => {
      this.latest.set(sale.id, sale);
      for (const waiter of [...this.waiters]) {
        if (waiter.saleId === sale.id && waiter.test(sale)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(sale);
        }
      }
    });
    await this.core.start();
    if (this.signInAs) await signInDemo((name, body) => this.invoke(name as InvokeName, body as never), this.signInAs);
    return this.core;
  }

  /**
   * The till dies: its timers never fire again and nothing it had not committed survives. (The old
   * core's timers are cleared and its database handle closed, which is what the process dying
   * does; nothing is in flight at the moments the tests choose.) A new core then boots on the same
   * SQLite file and must pick everything up from the database alone.
   */
  async crashAndRestart(): Promise<Core> {
    await this.core.idle();
    await this.core.stop();
    return this.boot(this.clock);
  }

  /** A contract call as a host makes it; an intention without a requestId gets a fresh one. */
  async invoke<N extends InvokeName>(name: N, request: TestRequest<N>): Promise<Result<InvokeResponse<N>>> {
    return (await dispatch(this.core.handlers, name, withRequestId(name, request), this.logger)) as Result<InvokeResponse<N>>;
  }

  async value<N extends InvokeName>(name: N, request: TestRequest<N>): Promise<InvokeResponse<N>> {
    const result = await this.invoke(name, request);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  }

  /** Moves time forward and lets every step it started finish its HTTP calls. */
  async advance(ms: number): Promise<void> {
    await this.clock.advance(ms);
    await this.core.idle();
  }

  /** Resolves when the sale reaches a state the test wants, as told by the core's own events. */
  waitForSale(saleId: string, test: (sale: SubscriptionSale) => boolean): Promise<SubscriptionSale> {
    const known = this.latest.get(saleId);
    if (known && test(known)) return Promise.resolve(known);
    return new Promise((resolve) => this.waiters.push({ saleId, test, resolve }));
  }

  waitForStatus(saleId: string, status: SubscriptionSale['status']): Promise<SubscriptionSale> {
    return this.waitForSale(saleId, (sale) => sale.status === status);
  }

  control(method: string, path: string, body?: unknown): Promise<any> {
    return sandboxControl(this.sandbox, method, path, body);
  }

  approve(agreementId: string) {
    return this.control('POST', `/agreements/${agreementId}/approve`, {});
  }

  reject(agreementId: string) {
    return this.control('POST', `/agreements/${agreementId}/reject`, {});
  }

  agreementsFor(externalId: string): Promise<Array<{ id: string; status: string; externalId?: string }>> {
    return this.control('GET', '/agreements').then((list: { agreements: Array<{ id: string; status: string; externalId?: string }> }) =>
      list.agreements.filter((a) => a.externalId === externalId),
    );
  }

  /** Requests the core sent to a path, from the sandbox's record. */
  exchanges(method: string, pathPrefix: string) {
    return this.sandbox.exchanges.filter((e) => e.method === method && e.path.startsWith(pathPrefix));
  }

  async close(): Promise<void> {
    await this.core.stop();
    await this.sandbox.close();
    this.dataDir.cleanup();
  }
}
