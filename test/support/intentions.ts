import { randomUUID } from 'node:crypto';
import type { InvokeName, InvokeRequest } from '../../shared/contract';
import { intentionCalls, type IntentionCall } from '../../shared/intention';

type WithoutRequestId<T> = T extends unknown ? Omit<T, 'requestId'> & { requestId?: string } : never;

/**
 * A request as a test writes it: for the calls that carry a client request id, the id may be left
 * out, and then every call is a new cashier intention. A test that retries passes its own id.
 */
export type TestRequest<N extends InvokeName> = N extends IntentionCall ? WithoutRequestId<InvokeRequest<N>> : InvokeRequest<N>;

export function withRequestId<N extends InvokeName>(name: N, request: TestRequest<N>): InvokeRequest<N> {
  if (!(intentionCalls as readonly string[]).includes(name)) return request as InvokeRequest<N>;
  const given = request as { requestId?: string };
  return { ...request, requestId: given.requestId ?? randomUUID() } as InvokeRequest<N>;
}
