import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, tokenHeaders, type Harness } from './harness';
import { trainingCredentials } from '../../../electron/sandbox/training-credentials';

describe('POST /accesstoken/get', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startSandbox();
  });
  afterEach(() => h.close());

  it('returns a Bearer token whose numeric fields are JSON strings, valid for one hour', async () => {
    const reply = await h.raw('POST', '/accesstoken/get', { headers: tokenHeaders });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    const b = reply.body;
    expect(b.token_type).toBe('Bearer');
    for (const field of ['expires_in', 'ext_expires_in', 'expires_on', 'not_before', 'resource', 'access_token']) {
      expect(typeof b[field], field).toBe('string');
    }
    expect(b.expires_in).toBe('3600');
    expect(b.ext_expires_in).toBe('0');
    const nowSeconds = Math.floor(h.clock.now / 1000);
    expect(b.not_before).toBe(String(nowSeconds));
    expect(b.expires_on).toBe(String(nowSeconds + 3600));
    expect(b.access_token.split('.')).toHaveLength(3);
  });

  it('accepts the matching Merchant-Serial-Number and refuses another one', async () => {
    const ok = await h.raw('POST', '/accesstoken/get', { headers: { ...tokenHeaders, 'Merchant-Serial-Number': trainingCredentials.merchantSerialNumber } });
    expect(ok.status).toBe(200);
    const wrong = await h.raw('POST', '/accesstoken/get', { headers: { ...tokenHeaders, 'Merchant-Serial-Number': '999999' } });
    expect(wrong.status).toBe(401);
  });

  it('answers 401 for a wrong client secret, a wrong subscription key or none', async () => {
    expect((await h.raw('POST', '/accesstoken/get', { headers: { ...tokenHeaders, client_secret: 'nope' } })).status).toBe(401);
    expect((await h.raw('POST', '/accesstoken/get', { headers: { ...tokenHeaders, client_id: 'someone-else' } })).status).toBe(401);
    const badKey = await h.raw('POST', '/accesstoken/get', { headers: { ...tokenHeaders, 'Ocp-Apim-Subscription-Key': 'wrong' } });
    expect(badKey.status).toBe(401);
    expect(badKey.body.result.message).toMatch(/invalid subscription key/);
    const { 'Ocp-Apim-Subscription-Key': _omit, ...noKey } = tokenHeaders;
    expect((await h.raw('POST', '/accesstoken/get', { headers: noKey })).status).toBe(401);
  });

  it('answers 400 when client_id or client_secret is missing', async () => {
    const { client_secret: _omit, ...noSecret } = tokenHeaders;
    expect((await h.raw('POST', '/accesstoken/get', { headers: noSecret })).status).toBe(400);
  });

  it('lets the token expire on the sandbox clock after one hour', async () => {
    const token = await h.token();
    expect((await h.vipps('GET', '/recurring/v3/agreements', { token })).status).toBe(200);
    h.clock.now += 3600 * 1000 - 1000;
    expect((await h.vipps('GET', '/recurring/v3/agreements', { token })).status).toBe(200);
    h.clock.now += 1000;
    const expired = await h.vipps('GET', '/recurring/v3/agreements', { token });
    expect(expired.status).toBe(401);
    expect(expired.body.type).toMatch(/#not-authorized$/);
    expect(expired.body.detail).toMatch(/expired/);
  });

  it('expires tokens when the clock is advanced through the control API too', async () => {
    const token = await h.token();
    await h.control('POST', '/clock/advance', { ms: 3600 * 1000 });
    expect((await h.vipps('GET', '/recurring/v3/agreements', { token })).status).toBe(401);
  });
});

describe('authentication of Recurring calls', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startSandbox();
  });
  afterEach(() => h.close());

  it('requires the word Bearer (case-sensitive), a valid token and the subscription key', async () => {
    const token = await h.token();
    const path = '/recurring/v3/agreements';
    expect((await h.vipps('GET', path, { token: null })).status).toBe(401);
    expect((await h.vipps('GET', path, { token: null, headers: { Authorization: token } })).status).toBe(401);
    expect((await h.vipps('GET', path, { token: null, headers: { Authorization: `bearer ${token}` } })).status).toBe(401);
    expect((await h.vipps('GET', path, { token: token.slice(0, -2) + 'xx' })).status).toBe(401);
    const noKey = await h.vipps('GET', path, { subscriptionKey: null });
    expect(noKey.status).toBe(401);
    expect(noKey.body.result.message).toMatch(/missing subscription key/);
    expect((await h.vipps('GET', path, { subscriptionKey: 'someone-elses' })).status).toBe(401);
    expect((await h.vipps('GET', path)).status).toBe(200);
  });

  it('treats Merchant-Serial-Number as optional but refuses one that is not the token\'s', async () => {
    const path = '/recurring/v3/agreements';
    expect((await h.vipps('GET', path, { headers: { 'Merchant-Serial-Number': trainingCredentials.merchantSerialNumber } })).status).toBe(200);
    const other = await h.vipps('GET', path, { headers: { 'Merchant-Serial-Number': '654321' } });
    expect(other.status).toBe(403);
  });

  it('does not let a token of one sales unit be used with the key of another', async () => {
    const other = { msn: '222222', clientId: 'client-2', clientSecret: 'secret-2', subscriptionKey: 'key-2', skipLandingPageAllowed: false, countryCode: 'DK' as const };
    const h2 = await startSandbox({ merchants: [{ msn: '123456', clientId: tokenHeaders.client_id, clientSecret: tokenHeaders.client_secret, subscriptionKey: tokenHeaders['Ocp-Apim-Subscription-Key'], skipLandingPageAllowed: true, countryCode: 'NO' }, other] });
    try {
      const reply = await h2.vipps('GET', '/recurring/v3/agreements', { subscriptionKey: 'key-2' });
      expect(reply.status).toBe(401);
    } finally {
      await h2.close();
    }
  });
});
