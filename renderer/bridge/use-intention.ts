import { useCallback, useRef } from 'react';
import type { InvokeRequest, InvokeResponse } from '../../shared/contract';
import type { IntentionCall } from '../../shared/intention';
import type { AppError, Result } from '../../shared/result';
import { useBridge } from './bridge-context';

type WithoutRequestId<T> = T extends unknown ? Omit<T, 'requestId'> : never;
export type IntentionRequest<N extends IntentionCall> = WithoutRequestId<InvokeRequest<N>>;

/** Tries of one press: the first and two retries, a moment apart so a restarting host can come back. */
const PAUSES_BEFORE_RETRY_MS = [1_000, 3_000];

/** The request may have been carried out, but its answer never arrived. */
export const isLostAnswer = (error: AppError) => error.code === 'NO_ANSWER' || error.code === 'INTERNAL';

/**
 * A cashier intention that moves money or makes an agreement, sent with one client request id.
 *
 * The id is made when the cashier asks for something new and kept until that intention has an
 * answer. A call whose answer was lost is retried with the same id, and so is the cashier's next
 * press of the same request: the core answers a repeat with what the first attempt did, so the
 * customer is never charged or refunded twice. A different request (another amount, another
 * phone number) is another intention and gets a new id.
 */
export function useIntention<N extends IntentionCall>(name: N) {
  const bridge = useBridge();
  const unanswered = useRef<{ requestId: string; body: string } | null>(null);

  return useCallback(
    async (request: IntentionRequest<N>): Promise<Result<InvokeResponse<N>>> => {
      const body = JSON.stringify(request);
      if (unanswered.current?.body !== body) unanswered.current = { requestId: crypto.randomUUID(), body };
      const withId = { ...request, requestId: unanswered.current.requestId } as InvokeRequest<N>;

      let result = await bridge.invoke(name, withId);
      for (const pause of PAUSES_BEFORE_RETRY_MS) {
        if (result.ok || !isLostAnswer(result.error)) break;
        await new Promise((resolve) => setTimeout(resolve, pause));
        result = await bridge.invoke(name, withId);
      }
      if (result.ok || !isLostAnswer(result.error)) unanswered.current = null;
      return result;
    },
    [bridge, name],
  );
}
