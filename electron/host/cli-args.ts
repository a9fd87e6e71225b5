/** Flags shared by `npm start`, the web host and the sandbox CLI. */
export interface CliArgs {
  port: number | null;
  dataDir: string | null;
  configFile: string | null;
  web: boolean;
}

export class CliArgsError extends Error {}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { port: null, dataDir: null, configFile: null, web: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new CliArgsError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--port': {
        const port = Number(value());
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliArgsError('--port must be a number from 0 to 65535');
        args.port = port;
        break;
      }
      case '--data-dir':
        args.dataDir = value();
        break;
      case '--config':
        args.configFile = value();
        break;
      case '--web':
        args.web = true;
        break;
      default:
        throw new CliArgsError(`Unknown option ${arg}. Options: --port N, --data-dir DIR, --config FILE, --web`);
    }
  }
  return args;
}
