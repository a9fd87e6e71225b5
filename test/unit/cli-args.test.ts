import { describe, expect, it } from 'vitest';
import { CliArgsError, parseCliArgs } from '../../electron/host/cli-args';

describe('parseCliArgs', () => {
  it('reads the documented flags in both spellings', () => {
    expect(parseCliArgs(['--port', '0', '--data-dir=/tmp/k', '--web'])).toEqual({ port: 0, dataDir: '/tmp/k', configFile: null, web: true });
  });
  it('explains bad flags', () => {
    expect(() => parseCliArgs(['--port', 'abc'])).toThrow(CliArgsError);
    expect(() => parseCliArgs(['--data-dir'])).toThrow(/needs a value/);
    expect(() => parseCliArgs(['--fast'])).toThrow(/Unknown option --fast/);
  });
});
