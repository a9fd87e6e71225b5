import { randomUUID } from 'node:crypto';
import type { Sandbox } from '../../electron/sandbox/sandbox-api';
import { trainingCredentials } from '../../electron/sandbox/training-credentials';

const DAY = 86_400_000;

/**
 * The shop's billing backend bills an agreement, as it does every period: a RECURRING charge
 * created through the real Recurring API of the sandbox (token, Idempotency-Key, due date ahead).
 * Kassa itself never creates charges; tests need one the till can then cancel or refund.
 */
export async function billAgreement(
  sandbox: Pick<Sandbox, 'url' | 'now'>,
  agreementId: string,
  charge: { amount: number; description: string; dueInDays?: number },
): Promise<string> {
  const tokenReply = await fetch(`${sandbox.url}/accesstoken/get`, {
    method: 'POST',
    headers: {
      client_id: trainingCredentials.clientId,
      client_secret: trainingCredentials.clientSecret,
      'Ocp-Apim-Subscription-Key': trainingCredentials.subscriptionKey,
      'Merchant-Serial-Number': trainingCredentials.merchantSerialNumber,
    },
  });
  const { access_token: token } = (await tokenReply.json()) as { access_token: string };
  const due = new Date(sandbox.now() + (charge.dueInDays ?? 3) * DAY).toISOString().slice(0, 10);
  const reply = await fetch(`${sandbox.url}/recurring/v3/agreements/${agreementId}/charges`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Ocp-Apim-Subscription-Key': trainingCredentials.subscriptionKey,
      'Merchant-Serial-Number': trainingCredentials.merchantSerialNumber,
      'Idempotency-Key': randomUUID(),
      'Content-Type': 'application/json',
      'Vipps-System-Name': 'billing-backend',
      'Vipps-System-Version': '1.0.0',
    },
    body: JSON.stringify({ amount: charge.amount, description: charge.description, transactionType: 'DIRECT_CAPTURE', due, retryDays: 2 }),
  });
  const text = await reply.text();
  if (reply.status !== 201) throw new Error(`create charge: ${reply.status} ${text}`);
  return (JSON.parse(text) as { chargeId: string }).chargeId;
}
