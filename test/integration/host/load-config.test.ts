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
    expect(() => read({})).toThrow(/not valid JSON/);
  });
});
