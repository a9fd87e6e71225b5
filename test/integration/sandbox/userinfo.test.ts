import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Harness } from './harness';
import { trainingCredentials } from '../../../electron/sandbox/training-credentials';

describe('GET /vipps-userinfo-api/userinfo/{sub}', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startSandbox();
  });
  afterEach(() => h.close());

  async function activeSub(scope: string, phoneNumber = '4791234567'): Promise<string> {
    const { agreementId } = await h.draft({ scope, phoneNumber });
    await h.control('POST', `/agreements/${agreementId}/approve`, {});
    return (await h.vipps('GET', `/recurring/v3/agreements/${agreementId}`)).body.sub;
  }

  const userinfo = async (sub: string, headers: Record<string, string> = {}) =>
    h.raw('GET', `/vipps-userinfo-api/userinfo/${sub}`, { headers: { Authorization: `Bearer ${await h.token()}`, ...headers } });

  it('returns only the consented claims of a seeded customer', async () => {
    const sub = await activeSub('name email');
    const reply = await userinfo(sub);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      sub,
      name: 'Kari Nordmann',
      given_name: 'Kari',
      family_name: 'Nordmann',
      email: 'kari.nordmann@example.no',
      email_verified: true,
    });
  });

  it('returns the address in OpenID shape when consented', async () => {
    const sub = await activeSub('address phoneNumber birthDate', '4798765432');
    const reply = await userinfo(sub);
    expect(reply.body.address).toEqual({
      street_address: 'Bryggen 7',
      postal_code: '5003',
      region: 'Bergen',
      country: 'NO',
      formatted: 'Bryggen 7\n5003\nBergen\nNO',
      address_type: 'home',
    });
    expect(reply.body.phone_number).toBe('4798765432');
    expect(reply.body.birthdate).toBe('1978-11-03');
    expect(reply.body).not.toHaveProperty('name');
  });

  it('makes up a Test User for a number that is not seeded', async () => {
    const sub = await activeSub('name', '4799999999');
    expect((await userinfo(sub)).body).toMatchObject({ name: 'Test User', given_name: 'Test', family_name: 'User' });
  });

  it('answers 401 when Ocp-Apim-Subscription-Key is sent, as the real endpoint does', async () => {
    const sub = await activeSub('name');
    const reply = await userinfo(sub, { 'Ocp-Apim-Subscription-Key': trainingCredentials.subscriptionKey });
    expect(reply.status).toBe(401);
  });

  it('answers 401 without a Bearer token and 404 for an unknown sub', async () => {
    const sub = await activeSub('name');
    expect((await h.raw('GET', `/vipps-userinfo-api/userinfo/${sub}`)).status).toBe(401);
    expect((await userinfo('00000000-0000-5000-8000-000000000000')).status).toBe(404);
  });

  it('keeps the data for 168 hours only', async () => {
    const sub = await activeSub('name');
    h.clock.now += 168 * 3600 * 1000;
    // A fresh token: the first one expired after an hour.
    const token = await h.raw('POST', '/accesstoken/get', {
      headers: { client_id: trainingCredentials.clientId, client_secret: trainingCredentials.clientSecret, 'Ocp-Apim-Subscription-Key': trainingCredentials.subscriptionKey },
    });
    const fresh = { Authorization: `Bearer ${token.body.access_token}` };
    expect((await h.raw('GET', `/vipps-userinfo-api/userinfo/${sub}`, { headers: fresh })).status).toBe(200);
    h.clock.now += 1;
    expect((await h.raw('GET', `/vipps-userinfo-api/userinfo/${sub}`, { headers: fresh })).status).toBe(403);
  });

  it('gives the same customer the same sub at the same merchant', async () => {
    const a = await activeSub('name');
    const b = await activeSub('email');
    expect(a).toBe(b);
    // Consents accumulate: both scopes are now shared.
    expect((await userinfo(a)).body).toMatchObject({ name: 'Kari Nordmann', email: 'kari.nordmann@example.no' });
  });
});
