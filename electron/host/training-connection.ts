import type { CoreConfig } from '../core/core-config';
import { trainingCredentials } from '../sandbox/training-credentials';

/** How a till in training mode reaches its sandbox: the Vipps and billing settings, and the phone page. */
export function trainingConnection(sandbox: { url: string; phonePageUrl: string }): Pick<CoreConfig, 'vipps' | 'billing' | 'phonePageUrl'> {
  return {
    vipps: {
      baseUrl: sandbox.url,
      clientId: trainingCredentials.clientId,
      clientSecret: trainingCredentials.clientSecret,
      subscriptionKey: trainingCredentials.subscriptionKey,
      merchantSerialNumber: trainingCredentials.merchantSerialNumber,
    },
    billing: { baseUrl: sandbox.url, apiKey: trainingCredentials.billingApiKey },
    phonePageUrl: sandbox.phonePageUrl,
  };
}
