/**
 * `GET /vipps-userinfo-api/userinfo/{sub}` — the profile data a customer consented to share when
 * approving an agreement with `scope`.
 *
 * As the real one: Bearer access token (the same one as for Recurring), and **no**
 * `Ocp-Apim-Subscription-Key` — userinfo belongs to Login, outside the Recurring subscription, and
 * sending the key gives 401. Data is available for 168 hours after consent; later the sandbox
 * answers 403 (UNCONFIRMED status; the docs only say "time limit of 168 hours"). Only the consented
 * claims are returned, OpenID style:
 *   name → name, given_name, family_name; email → email, email_verified (always true);
 *   phoneNumber → phone_number, phone_number_verified; address → address, other_addresses;
 *   birthDate → birthdate; nin → nin.
 * Error bodies here are plain problem JSON (the Userinfo API's error schema is not in our specs).
 */
import { json, type Handler, type SandboxResponse } from '../http-kit';
import { azureError, plainProblem } from '../problems';
import type { SandboxClock } from '../clock';
import type { TokenService } from '../access-token';
import { bearerToken } from '../vipps-gateway';
import { CONSENT_LIFETIME_MS, type RecurringStore } from '../recurring/recurring-store';
import { customerFor } from './customers';

export function createUserinfoHandler(deps: { clock: SandboxClock; tokens: TokenService; store: RecurringStore }): Handler {
  return (req): SandboxResponse => {
    if (req.headers['ocp-apim-subscription-key'] !== undefined) {
      return azureError(401, 'Userinfo does not take Ocp-Apim-Subscription-Key: it is not part of the Recurring subscription. Remove the header.');
    }
    const bearer = bearerToken(req);
    if ('error' in bearer) return plainProblem(401, bearer.error);
    const verified = deps.tokens.verify(bearer.token);
    if (!verified.ok) return plainProblem(401, verified.reason);

    const consent = deps.store.consents.get(req.params['sub']!);
    if (!consent || consent.msn !== verified.merchant.msn) return plainProblem(404, 'No consented user data for this sub.');
    if (deps.clock.now() - consent.consentedAt > CONSENT_LIFETIME_MS) {
      return plainProblem(403, 'The consented data is no longer available: it must be fetched within 168 hours of the consent.');
    }
    const customer = customerFor(consent.phone, consent.countryCode);
    const claims: Record<string, unknown> = { sub: consent.sub };
    if (consent.scopes.has('name')) {
      claims['name'] = `${customer.givenName} ${customer.familyName}`;
      claims['given_name'] = customer.givenName;
      claims['family_name'] = customer.familyName;
    }
    if (consent.scopes.has('email')) {
      claims['email'] = customer.email;
      claims['email_verified'] = true;
    }
    if (consent.scopes.has('phoneNumber')) {
      claims['phone_number'] = customer.phone;
      claims['phone_number_verified'] = true;
    }
    if (consent.scopes.has('address')) {
      const a = customer.address;
      claims['address'] = {
        street_address: a.street,
        postal_code: a.postalCode,
        region: a.region,
        country: a.country,
        formatted: `${a.street}\n${a.postalCode}\n${a.region}\n${a.country}`,
        address_type: 'home',
      };
      claims['other_addresses'] = [];
    }
    if (consent.scopes.has('birthDate')) claims['birthdate'] = customer.birthdate;
    if (consent.scopes.has('nin') && customer.nin) claims['nin'] = customer.nin;
    return json(200, claims);
  };
}
