import { test as base, expect } from '@playwright/test';
import { createSandbox } from '../../electron/sandbox/create-sandbox';
import type { Sandbox } from '../../electron/sandbox/sandbox-api';
import { KassaProcess } from '../support/kassa-process';
import { makeTempDir } from '../support/temp-dir';
import { CashierPage } from './pages/cashier-page';
import { SandboxControl } from './pages/sandbox-control';

interface Fixtures {
  /**
   * Extra environment for the till. By default a Norwegian shop (nb-NO money and dates) whose
   * screens speak English (KASSA_LANGUAGE=en), so the suite's English assertions hold; a spec for
   * another country, language or a kiosk till overrides it with test.use({ kassaEnv: { ... } }).
   */
  kassaEnv: Record<string, string>;
  sandbox: Sandbox;
  control: SandboxControl;
  kassa: KassaProcess;
  cashier: CashierPage;
}

/**
 * Each test gets its own sandbox (in the test process, so it outlives a killed till) and its own
 * Kassa web host as a child process on a fresh data directory.
 */
export const test = base.extend<Fixtures>({
  kassaEnv: [{ KASSA_LANGUAGE: 'en' }, { option: true }],
  sandbox: async ({}, use) => {
    const sandbox = await createSandbox({ port: 0 });
    await use(sandbox);
    await sandbox.close();
  },
  control: async ({ sandbox }, use) => {
    await use(new SandboxControl(sandbox));
  },
  kassa: async ({ sandbox, kassaEnv }, use) => {
    const dataDir = makeTempDir('kassa-e2e-');
    const kassa = new KassaProcess({ dataDir: dataDir.path, sandboxUrl: sandbox.url, env: kassaEnv });
    await kassa.start();
    await use(kassa);
    await kassa.stop();
    dataDir.cleanup();
  },
  cashier: async ({ page, kassa }, use) => {
    const cashier = new CashierPage(page, kassa);
    await cashier.open();
    await use(cashier);
  },
});

export { expect };
