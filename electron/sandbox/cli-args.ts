/** Argument parsing for cli.ts, apart so it can be tested without starting a server. */
export const DEFAULT_PORT = 4700;

export function parsePort(argv: readonly string[]): number {
  const index = argv.findIndex((arg) => arg === '--port' || arg.startsWith('--port='));
  if (index === -1) return DEFAULT_PORT;
  const arg = argv[index]!;
  const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[index + 1];
  const port = Number(value);
  if (value === undefined || !/^\d+$/.test(value) || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port needs a number between 0 and 65535 (got ${value ?? 'nothing'})`);
  }
  return port;
}
