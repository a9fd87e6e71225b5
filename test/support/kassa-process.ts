import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { spawnTied } from './spawn-tied';

const webHostScript = fileURLToPath(new URL('../../out/main/web-host.js', import.meta.url));

/**
 * Kassa's web host as a real child process, the way `npm start -- --web` runs it, so a test can
 * SIGKILL it mid-sale and start it again on the same data directory. It is tied to the test
 * process (spawn-tied.ts): a test that times out or crashes leaves no till behind.
 */
export class KassaProcess {
  private child: ChildProcess | null = null;
  private output = '';
  /** The till's origin, e.g. http://127.0.0.1:41234. */
  url = '';
  /** The address Kassa printed, with its one-time code: what a browser (or TillClient) opens to sign in. */
  launchUrl = '';

  constructor(
    private readonly options: { dataDir: string; sandboxUrl: string; env?: Record<string, string> },
  ) {}

  /** Starts the till; resolves with the printed address (launchUrl). */
  async start(): Promise<string> {
    if (!existsSync(webHostScript)) throw new Error(`${webHostScript} is missing: run npm run build first`);
    const child = spawnTied(webHostScript, ['--port', '0', '--data-dir', this.options.dataDir], {
      env: { ...process.env, KASSA_MODE: 'training', KASSA_SANDBOX_URL: this.options.sandboxUrl, ...this.options.env },
    });
    this.child = child;
    this.output = '';
    this.launchUrl = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        const match = /Kassa is running at (http:\/\/127\.0\.0\.1:\d+\/\S*)\r?\n/.exec(this.output);
        if (match) resolve(match[1]!);
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`Kassa exited with ${code} before it was ready:\n${this.output}`)));
    });
    this.url = new URL(this.launchUrl).origin;
    return this.launchUrl;
  }

  /** The till crashes: no shutdown, no flush, just gone. */
  kill(): Promise<void> {
    return this.terminate('SIGKILL');
  }

  /** A clean shutdown, as the operating system asks for one. */
  stop(): Promise<void> {
    return this.terminate('SIGTERM');
  }

  private async terminate(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
    this.child = null;
  }

  get dataDir(): string {
    return this.options.dataDir;
  }

  get log(): string {
    return this.output;
  }
}
