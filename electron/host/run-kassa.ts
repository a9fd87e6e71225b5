import type { Sandbox } from '../sandbox/sandbox-api';
import { createSandbox } from '../sandbox/create-sandbox';
import { createCore, type Core } from '../core/create-core';
import { completeConfig, readSettings } from './load-config';

export interface RunningKassa {
  core: Core;
  sandbox: Sandbox | null;
  stop(): Promise<void>;
}

/**
 * Reads the settings, starts the built-in sandbox when training mode needs one, and starts the core.
 * Shared by the web host and Electron's main process.
 */
export async function startKassa(options: { dataDir: string | null; configFile: string | null; env?: NodeJS.ProcessEnv }): Promise<RunningKassa> {
  const settings = readSettings({ dataDir: options.dataDir, configFile: options.configFile, env: options.env ?? process.env, cwd: process.cwd() });
  let sandbox: Sandbox | null = null;
  let sandboxAddress: { url: string; phonePageUrl: string } | null = null;
  if (settings.config.mode === 'training') {
    if (settings.sandboxUrl) {
      const url = settings.sandboxUrl.replace(/\/$/, '');
      sandboxAddress = { url, phonePageUrl: `${url}/phone` };
    } else {
      sandbox = await createSandbox({ port: 0 });
      sandboxAddress = sandbox;
    }
  }
  const config = completeConfig(settings, sandboxAddress);
  const core = createCore(config);
  await core.start();
  return {
    core,
    sandbox,
    async stop() {
      await core.stop();
      await sandbox?.close();
    },
  };
}
