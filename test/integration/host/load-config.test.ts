import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completeConfig, ConfigError, readSettings } from '../../../electron/host/load-config';
import { makeTempDir } from '../../support/temp-dir';

let dir: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => dir.cleanup());

const read = (env: NodeJS.ProcessEnv, configFile: string | null = null) => readSettings({ dataDir: dir.path, configFile, env, cwd: dir.path });

describe('configuration', () => {
  it('runs training mode on the sandbox when nothing is configured', () => {
    const settings = read({});
    expect(settings.config.mode).toBe('training');
    const config = completeConfig(settings, { url: 'http://127.0.0.1:1234', phonePageUrl: 'http://127.0.0.1:1234/phone' });
    expect(config.vipps.baseUrl).toBe('http://127.0.0.1:1234');
    expect(config.shop).toEqual({ name: 'Kassa Demo Shop', country: 'NO', currency: 'NOK', locale: 'nb-NO' });
  });

  it('takes the idle sign-out and the cash limit from the file or the environment, and refuses nonsense by name', () => {
    const sandbox = { url: 'http://127.0.0.1:1234', phonePageUrl: 'http://127.0.0.1:1234/phone' };
    expect(completeConfig(read({}), sandbox)).toMatchObject({ idleSignOutMinutes: 15, cashMaxOverTotal: 10_000 });
    const fromEnv = completeConfig(read({ KASSA_IDLE_SIGN_OUT_MINUTES: '5', KASSA_CASH_MAX_OVER_TOTAL: '2000' }), sandbox);
    expect(fromEnv).toMatchObject({ idleSignOutMinutes: 5, cashMaxOverTotal: 2000 });
    expect(() => completeConfig(read({ KASSA_IDLE_SIGN_OUT_MINUTES: 'soon' }), sandbox)).toThrow(/idleSignOutMinutes \(KASSA_IDLE_SIGN_OUT_MINUTES\)/);
  });

  it('uses the Vipps test environment when credentials are given', () => {
    const config = completeConfig(
      read({
        KASSA_VIPPS_CLIENT_ID: 'id',
        KASSA_VIPPS_CLIENT_SECRET: 'secret',
        KASSA_VIPPS_SUBSCRIPTION_KEY: 'key',
        KASSA_VIPPS_MSN: '654321',
        KASSA_BILLING_URL: 'https://billing.example',
        KASSA_BILLING_API_KEY: 'b',
        KASSA_SHOP_COUNTRY: 'FI',
      }),
      null,
    );
    expect(config.mode).toBe('test');
    expect(config.vipps.baseUrl).toBe('https://apitest.vipps.no');
    expect(config.shop).toMatchObject({ country: 'FI', currency: 'EUR', locale: 'fi-FI' });
    expect(config.phonePageUrl).toBeNull();
  });

  it('reads kassa.config.json, with environment variables winning', () => {
    writeFileSync(join(dir.path, 'kassa.config.json'), JSON.stringify({ tillId: 'file-till', shop: { name: 'Fra fil', country: 'DK' } }));
    const settings = read({ KASSA_TILL_ID: 'env-till' });
    expect(settings.config.tillId).toBe('env-till');
    expect(settings.config.shop).toMatchObject({ name: 'Fra fil', currency: 'DKK' });
  });

  it('names each missing setting and never echoes a secret', () => {
    const settings = read({ KASSA_MODE: 'production', KASSA_VIPPS_CLIENT_SECRET: 'top-secret-value', KASSA_VIPPS_MSN: '12' });
    let error: unknown;
    try {
      completeConfig(settings, null);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/KASSA_VIPPS_CLIENT_ID/);
    expect(message).toMatch(/KASSA_VIPPS_MSN/);
    expect(message).toMatch(/KASSA_BILLING_URL/);
    expect(message).not.toContain('top-secret-value');
  });

  it('allows the fast schedule in training mode only', () => {
    const training = completeConfig(read({ KASSA_FAST_SCHEDULE: '1' }), { url: 'http://127.0.0.1:1', phonePageUrl: 'http://127.0.0.1:1/phone' });
    expect(training.schedule).toBe('fast');
    const env = {
      KASSA_FAST_SCHEDULE: '1',
      KASSA_VIPPS_CLIENT_ID: 'id',
      KASSA_VIPPS_CLIENT_SECRET: 's',
      KASSA_VIPPS_SUBSCRIPTION_KEY: 'k',
      KASSA_VIPPS_MSN: '123456',
      KASSA_BILLING_URL: 'https://billing.example',
      KASSA_BILLING_API_KEY: 'b',
    };
    expect(() => completeConfig(read(env), null)).toThrow(/fast schedule is for training mode only/);
  });

  it('explains a broken config file', () => {
    writeFileSync(join(dir.path, 'kassa.config.json'), '{"mode": "live"}');
    expect(() => read({})).toThrow(/kassa.config.json: mode/);
    writeFileSync(join(dir.path, 'kassa.config.json'), '{oops');
    expect(() => read({})).toThrow(/not valid JSON \(line 1, column 2\)/);
  });

  it('reports a config file that is not JSON by path and position, never quoting it', () => {
    const secret = 'sk-billing-7f3a9c1d2e';
    const broken = [
      `{"billing": {"apiKey": "${secret}" "baseUrl": "https://billing.example"}}`,
      `{"billing": {"apiKey": ${secret}}}`,
      `{\n  "vipps": {"clientSecret": "${secret}",}\n}`,
      `{"billing": {"apiKey": "${secret}"}} trailing`,
      `{"billing": {"apiKey": "${secret}`,
    ];
    const positions = ['line 1, column 48', 'line 1, column 24', 'line 2, column 53', 'line 1, column 50', 'line 1, column 46'];
    broken.forEach((text, index) => {
      writeFileSync(join(dir.path, 'kassa.config.json'), text);
      let message = '';
      try {
        read({});
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        message = (error as Error).message;
      }
      expect(message).toContain(join(dir.path, 'kassa.config.json'));
      expect(message).toContain(positions[index]);
      expect(message).not.toContain(secret);
      expect(message).not.toContain(secret.slice(0, 8));
    });
  });

  it('refuses plain http for Vipps or billing with real keys, unless the server is on this machine', () => {
    const keys = {
      KASSA_VIPPS_CLIENT_ID: 'id',
      KASSA_VIPPS_CLIENT_SECRET: 'client-secret-value',
      KASSA_VIPPS_SUBSCRIPTION_KEY: 'k',
      KASSA_VIPPS_MSN: '123456',
      KASSA_BILLING_URL: 'https://billing.example',
      KASSA_BILLING_API_KEY: 'billing-key-value',
    };
    const refused = (env: NodeJS.ProcessEnv) => {
      try {
        completeConfig(read({ ...keys, ...env }), null);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      return null;
    };
    const vipps = refused({ KASSA_VIPPS_BASE_URL: 'http://apitest.vipps.no' });
    expect(vipps).toMatch(/vipps\.baseUrl \(KASSA_VIPPS_BASE_URL\): must be an https:\/\/ URL/);
    const billing = refused({ KASSA_MODE: 'production', KASSA_BILLING_URL: 'http://billing.example' });
    expect(billing).toMatch(/billing\.baseUrl \(KASSA_BILLING_URL\): must be an https:\/\/ URL/);
    for (const message of [vipps, billing]) {
      expect(message).not.toContain('client-secret-value');
      expect(message).not.toContain('billing-key-value');
    }
    expect(refused({ KASSA_VIPPS_BASE_URL: 'http://127.0.0.1:4700', KASSA_BILLING_URL: 'http://localhost:4700' })).toBeNull();
    expect(refused({ KASSA_BILLING_URL: 'http://[::1]:4700' })).toBeNull();
    expect(refused({ KASSA_BILLING_URL: 'http://127.evil.example' })).not.toBeNull();
  });
});
