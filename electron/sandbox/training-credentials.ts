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
