import type { z } from 'zod';
import { invokeNames, type CoreHandlers, type InvokeName, type InvokeResponse, invokeContract } from '../../../shared/contract';
import type { CallContext, StaffService } from './staff-service';

/** The core's handlers as written: each gets its request and who makes the call. */
export type ContextHandlers = {
  [N in InvokeName]: (request: z.infer<(typeof invokeContract)[N]['request']>, context: CallContext) => Promise<InvokeResponse<N>>;
};

/**
 * Every handler behind the access rule of its call (shared/access.ts): the rule is checked before
 * the handler runs, so a call that is not allowed does nothing at all. Hosts see plain handlers.
 */
export function guardHandlers(handlers: ContextHandlers, staff: StaffService): CoreHandlers {
  const guarded: Partial<Record<InvokeName, (request: never) => Promise<unknown>>> = {};
  for (const name of invokeNames) {
    const handler = handlers[name] as (request: unknown, context: CallContext) => Promise<unknown>;
    guarded[name] = async (request: unknown) => handler(request, await staff.authorize(name, request));
  }
  return guarded as CoreHandlers;
}
