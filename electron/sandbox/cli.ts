/**
 * `npm run sandbox` / `node out/main/sandbox.js [--port N]`: the sandbox as a stand-alone process
 * for demos, manual testing with a real phone on the same machine, and e2e runs that start it once.
 * Default port 4700. Runs until SIGINT/SIGTERM and closes the server cleanly before exiting.
 */
import { createSandbox } from './create-sandbox';
import { parsePort } from './cli-args';

async function main(): Promise<void> {
  let port: number;
  try {
    port = parsePort(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const sandbox = await createSandbox({ port });
  console.log(`Vipps MobilePay sandbox (training mode) — no real money moves here`);
  console.log(`  API base URL:  ${sandbox.url}`);
  console.log(`  Phone pages:   ${sandbox.phonePageUrl}`);
  console.log(`  Control API:   ${sandbox.controlUrl}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing the sandbox`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
