import { z } from 'zod';
import { appInfoSchema } from './app-info';
import { planCatalogueSchema } from './catalogue';
import { startSubscriptionRequestSchema, subscriptionSaleSchema } from './subscription';
import type { Result } from './result';
import { eventNames, invokeNames, type EventName, type InvokeName } from './channels';

export { eventNames, invokeNames, type EventName, type InvokeName };

type ContractEntry = { request: z.ZodType; response: z.ZodType };

/**
 * The one contract between the renderer and the core. The IPC handlers and the web host's routes
 * are derived from these two objects; the preload's allow-list comes from `channels.ts`, whose
 * names the compiler holds equal to these keys (`satisfies`). Add an entry here and every host
 * serves it.
 */
export const invokeContract = {
  'app.info': { request: z.object({}), response: appInfoSchema },
  'catalogue.plans': { request: z.object({ refresh: z.boolean().optional() }), response: planCatalogueSchema },
  'subscription.start': { request: startSubscriptionRequestSchema, response: subscriptionSaleSchema },
  'subscription.get': { request: z.object({ saleId: z.string().min(1) }), response: subscriptionSaleSchema },
  /** The sale still waiting for the customer, if any: the till shows it again after a restart. */
  'subscription.current': { request: z.object({}), response: subscriptionSaleSchema.nullable() },
  'subscription.cancel': { request: z.object({ saleId: z.string().min(1) }), response: subscriptionSaleSchema },
} as const satisfies Record<InvokeName, ContractEntry>;

export const eventContract = {
  'subscription.changed': subscriptionSaleSchema,
} as const satisfies Record<EventName, z.ZodType>;

export type InvokeRequest<N extends InvokeName> = z.input<(typeof invokeContract)[N]['request']>;
export type InvokeResponse<N extends InvokeName> = z.infer<(typeof invokeContract)[N]['response']>;
export type EventPayload<N extends EventName> = z.infer<(typeof eventContract)[N]>;

export const isInvokeName = (name: string): name is InvokeName => Object.hasOwn(invokeContract, name);
export const isEventName = (name: string): name is EventName => Object.hasOwn(eventContract, name);

/** What every host offers the renderer: calls that never throw, and a subscription to events. */
export interface KassaBridge {
  invoke<N extends InvokeName>(name: N, request: InvokeRequest<N>): Promise<Result<InvokeResponse<N>>>;
  on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void;
}

/** The core's side: a handler per contract entry. Handlers may throw KassaError; hosts turn it into a Result. */
export type CoreHandlers = {
  [N in InvokeName]: (request: z.infer<(typeof invokeContract)[N]['request']>) => Promise<InvokeResponse<N>>;
};
