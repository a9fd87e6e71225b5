/**
 * The sales units the sandbox knows. Each has its own API keys (client id/secret + subscription
 * key) exactly like a real MSN, so the sandbox can tell a key mix-up from a valid call, and a
 * country that fixes the only currency it may draft agreements in.
 */
import type { SandboxMerchant } from './sandbox-api';
import { trainingCredentials, trainingSalesUnits } from './training-credentials';

export type Currency = 'NOK' | 'DKK' | 'EUR';
export type CountryCode = SandboxMerchant['countryCode'];

/** Cross-border agreements are not supported: a sales unit drafts in its market's currency only. */
export const currencyByCountry: Record<CountryCode, Currency> = { NO: 'NOK', DK: 'DKK', FI: 'EUR' };
export const callingCodeByCountry: Record<CountryCode, string> = { NO: '47', DK: '45', FI: '358' };

export const trainingMerchant: SandboxMerchant = {
  msn: trainingCredentials.merchantSerialNumber,
  clientId: trainingCredentials.clientId,
  clientSecret: trainingCredentials.clientSecret,
  subscriptionKey: trainingCredentials.subscriptionKey,
  skipLandingPageAllowed: true,
  countryCode: 'NO',
  name: 'Kassa Training Shop',
};

/** The training sales units of Denmark and Finland, beside Norway's: one per currency. */
export const trainingMerchants: SandboxMerchant[] = [
  trainingMerchant,
  ...(['DK', 'FI'] as const).map((country) => ({
    msn: trainingSalesUnits[country].merchantSerialNumber,
    clientId: trainingSalesUnits[country].clientId,
    clientSecret: trainingSalesUnits[country].clientSecret,
    subscriptionKey: trainingSalesUnits[country].subscriptionKey,
    skipLandingPageAllowed: true,
    countryCode: country,
    name: `Kassa Training Shop ${country}`,
  })),
];

export class MerchantRegistry {
  private merchants: SandboxMerchant[] = [];

  constructor(private readonly initial: SandboxMerchant[]) {
    this.reset();
  }

  reset(): void {
    // Copies, so the control API's changes (skipLandingPageAllowed) never leak into the caller's objects.
    this.merchants = this.initial.map((merchant) => ({ ...merchant }));
  }

  all(): SandboxMerchant[] {
    return this.merchants;
  }

  byMsn(msn: string): SandboxMerchant | undefined {
    return this.merchants.find((merchant) => merchant.msn === msn);
  }

  byClientId(clientId: string): SandboxMerchant | undefined {
    return this.merchants.find((merchant) => merchant.clientId === clientId);
  }

  bySubscriptionKey(key: string): SandboxMerchant | undefined {
    return this.merchants.find((merchant) => merchant.subscriptionKey === key);
  }
}

export function merchantDisplayName(merchant: SandboxMerchant | undefined, msn: string): string {
  return merchant?.name ?? `Sales unit ${msn}`;
}
