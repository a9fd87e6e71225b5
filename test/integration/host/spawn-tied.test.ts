import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { spawnTied } from '../../support/spawn-tied';

const parentScript = fileURLToPath(new URL('../../support/fixtures/tied-parent.ts', import.meta.url));

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts tied-parent.ts (with tsx), which starts a child that would run forever; its pid. */
async function parentWithChild(...args: string[]): Promise<{ parent: ChildProcess; childPid: number }> {
  const parent = spawnTied(parentScript, args, { nodeOptions: ['--import', 'tsx'] });
  const childPid = await new Promise<number>((resolve, reject) => {
    let output = '';
    parent.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /child (\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    parent.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    parent.once('exit', (code) => (/child \d+/.test(output) ? undefined : reject(new Error(`parent exited (${code}) before its child ran:\n${output}`))));
  });
  return { parent, childPid };
}

// The tills of a test that timed out stayed behind; a child started with spawnTied cannot.
describe('a child process started by a test', () => {
  it('dies when its parent is SIGKILLed (no cleanup code gets to run)', async () => {
    const { parent, childPid } = await parentWithChild();
    expect(isRunning(childPid)).toBe(true);
    parent.kill('SIGKILL');
    await expect.poll(() => isRunning(childPid), { timeout: 20_000, interval: 50 }).toBe(false);
  });

  it('dies when its parent exits without stopping it', async () => {
    const { parent, childPid } = await parentWithChild('exit');
    await new Promise((resolve) => (parent.exitCode !== null ? resolve(undefined) : parent.once('exit', resolve)));
    await expect.poll(() => isRunning(childPid), { timeout: 20_000, interval: 50 }).toBe(false);
  });
});
