import type { CoreConfig } from '../core/core-config';
import { trainingBillingKeys, trainingSalesUnits, type TrainingCountry } from '../sandbox/training-credentials';

/** How a till in training mode reaches its sandbox: the Vipps and billing settings, and the phone page. */
export function trainingConnection(sandbox: { url: string; phonePageUrl: string }, country: TrainingCountry = 'NO'): Pick<CoreConfig, 'vipps' | 'billing' | 'phonePageUrl'> {
  // The shop's own country's training sales unit: it takes the shop's currency.
  const unit = trainingSalesUnits[country];
  return {
    vipps: {
      baseUrl: sandbox.url,
      clientId: unit.clientId,
      clientSecret: unit.clientSecret,
      subscriptionKey: unit.subscriptionKey,
      merchantSerialNumber: unit.merchantSerialNumber,
    },
    // The shop's own till key: the billing backend serves its catalogue in the shop's currency.
    billing: { baseUrl: sandbox.url, apiKey: trainingBillingKeys[country] },
    phonePageUrl: sandbox.phonePageUrl,
  };
}
