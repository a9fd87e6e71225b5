import { fileURLToPath } from 'node:url';
import { CliArgsError, parseCliArgs } from './cli-args';
import { ConfigError } from './load-config';
import { startKassa } from './run-kassa';
import { startWebHost } from './web-host';

const DEFAULT_PORT = 5170;

/** Runs Kassa in a plain browser: the core, the sandbox in training mode, and the web host. */
export async function runWebHost(argv: readonly string[]): Promise<void> {
  const args = parseCliArgs(argv);
  const kassa = await startKassa({ dataDir: args.dataDir, configFile: args.configFile });
  const staticDir = fileURLToPath(new URL('../renderer/', import.meta.url));
  const host = await startWebHost(kassa.core, { port: args.port ?? DEFAULT_PORT, staticDir });

  if (kassa.sandbox) console.log(`Training mode: the customer's phone is at ${kassa.sandbox.phonePageUrl}`);
  // The address carries a one-time code that signs the browser in (see host-session.ts).
  console.log(`Kassa is running at ${host.launchUrl}`);
  console.log('Open that address in your browser. The customer display opens from the till (Customer display, top right).');

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await kassa.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

export function reportStartupError(error: unknown): never {
  if (error instanceof CliArgsError || error instanceof ConfigError) console.error(error.message);
  else console.error('Kassa could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
}
