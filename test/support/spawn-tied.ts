import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const TIE = pathToFileURL(fileURLToPath(new URL('./tied-to-parent.mjs', import.meta.url))).href;

const live = new Set<ChildProcess>();

/**
 * A Node script as a child process that cannot outlive this one: tied-to-parent.mjs ends it when
 * this process is gone, and this process SIGKILLs every child still running when it exits. A test's own cleanup (stop/kill in afterAll or finally) still
 * comes first; this is for when that cleanup never gets to run.
 */
export function spawnTied(script: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; nodeOptions?: string[] } = {}): ChildProcess {
  const { nodeOptions = [], ...spawnOptions } = options;
  const child = spawn(process.execPath, [...nodeOptions, '--import', TIE, script, ...args], { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** SIGKILLs every tied child still running; synchronous, so it works in an 'exit' handler. */
export function killTiedChildren(): number {
  let killed = 0;
  for (const child of live) {
    if (child.exitCode === null && child.signalCode === null && child.kill('SIGKILL')) killed++;
  }
  return killed;
}

process.once('exit', killTiedChildren);
