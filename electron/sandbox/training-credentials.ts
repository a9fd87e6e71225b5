/**
 * The credentials training mode uses against the built-in sandbox. They unlock nothing real: the
 * sandbox is the only server that accepts them. Kept in one place so the till and the sandbox agree.
 */
export const trainingCredentials = {
  clientId: '6f0b3c2a-0d8e-4c8f-9a51-5a1f0e7c2b10',
  clientSecret: 'training-secret-not-a-real-key',
  subscriptionKey: 'training-subscription-key',
  /** A sales unit whitelisted for skipLandingPage and PUSH_MESSAGE. */
  merchantSerialNumber: '123456',
  billingApiKey: 'training-billing-key',
} as const;

export type TrainingCountry = 'NO' | 'DK' | 'FI';

/**
 * One training sales unit per country, because a sales unit takes one currency (NOK, DKK or EUR):
 * a Danish or Finnish shop in training mode sells through its own. Norway's is the one above.
 */
export const trainingSalesUnits: Record<TrainingCountry, { merchantSerialNumber: string; clientId: string; clientSecret: string; subscriptionKey: string }> = {
  NO: {
    merchantSerialNumber: trainingCredentials.merchantSerialNumber,
    clientId: trainingCredentials.clientId,
    clientSecret: trainingCredentials.clientSecret,
    subscriptionKey: trainingCredentials.subscriptionKey,
  },
  DK: { merchantSerialNumber: '223456', clientId: '6f0b3c2a-0d8e-4c8f-9a51-5a1f0e7c2b45', clientSecret: 'training-secret-dk-not-a-real-key', subscriptionKey: 'training-subscription-key-dk' },
  FI: { merchantSerialNumber: '323456', clientId: '6f0b3c2a-0d8e-4c8f-9a51-5a1f0e7c2358', clientSecret: 'training-secret-fi-not-a-real-key', subscriptionKey: 'training-subscription-key-fi' },
};

/**
 * Each training shop's till key for the billing backend. A billing backend knows a till by its key,
 * so the key is what tells the sandbox which shop's catalogue (in which currency) to serve.
 * Norway's is the one above.
 */
export const trainingBillingKeys: Record<TrainingCountry, string> = {
  NO: trainingCredentials.billingApiKey,
  DK: 'training-billing-key-dk',
  FI: 'training-billing-key-fi',
};
