/**
 * A small structured logger. Callers pass facts, never credentials: nothing that reaches a log may
 * contain a key, a secret or a token (the Vipps and billing clients never hand them out).
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export function createConsoleLogger(scope: string, sink: Pick<Console, 'log' | 'warn' | 'error'> = console): Logger {
  const line = (level: string, message: string, fields?: Record<string, unknown>) =>
    `${new Date().toISOString()} ${level} [${scope}] ${message}${fields ? ' ' + JSON.stringify(fields) : ''}`;
  return {
    info: (message, fields) => sink.log(line('info', message, fields)),
    warn: (message, fields) => sink.warn(line('warn', message, fields)),
    error: (message, fields) => sink.error(line('error', message, fields)),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
