import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseCliArgs } from '../cli-args';
import { findElectronBinary } from '../electron-binary';
import { reportStartupError, runWebHost } from '../web-host-cli';

/**
 * `npm start`: the Electron window where Electron's binary is installed, the web host where it is
 * not (or with --web). Either way the same core and the same renderer run.
 */
async function main(argv: string[]): Promise<void> {
  const args = parseCliArgs(argv);
  const electron = args.web ? null : findElectronBinary();
  if (!electron) {
    if (!args.web) console.log("Electron's binary is not installed on this machine, so Kassa opens in your browser instead.");
    return runWebHost(argv);
  }
  // better-sqlite3 must be built for Electron's Node ABI before the window starts; `npm run rebuild:node` undoes it for tests.
  const rebuild = spawnSync('npx', ['electron-builder', 'install-app-deps'], { stdio: 'inherit' });
  if (rebuild.status !== 0) throw new Error('Rebuilding native modules for Electron failed');
  const mainScript = fileURLToPath(new URL('./main.js', import.meta.url));
  const child = spawn(electron, [mainScript, ...argv], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

main(process.argv.slice(2)).catch(reportStartupError);
