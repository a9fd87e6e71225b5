import { z } from 'zod';
import { uiLanguageSchema } from './languages';
import { appInfoSchema } from './app-info';
import { approvalSchema, newStaffRequestSchema, pinSchema, signInRequestSchema, staffMemberSchema, staffNameSchema, staffSessionSchema } from './staff';
import { planCatalogueSchema } from './catalogue';
import { startSubscriptionRequestSchema, subscriptionSaleSchema } from './subscription';
import { productCatalogueSchema } from './product';
import { cartSchema, MAX_LINE_QUANTITY } from './cart';
import { deadLetterSchema, discardRequestSchema, syncStatusSchema } from './sync';
import { cashPaymentRequestSchema, customerDisplaySchema, refundRequestSchema, saleSchema, startPaymentRequestSchema } from './sale';
import type { Result } from './result';
import {
  auditFilterSchema,
  auditPageSchema,
  closeDayRequestSchema,
  dayViewSchema,
  drawerMoveRequestSchema,
  drawerSchema,
  endOfDayReportSchema,
  entryDetailSchema,
  entryFilterSchema,
  entryPageSchema,
  exportFileSchema,
  exportFormatSchema,
  localDateSchema,
  pageRequestSchema,
  zReportSummarySchema,
} from './reports';
import {
  agreementIdRequestSchema,
  agreementOperationSchema,
  agreementViewSchema,
  cancelChargeRequestSchema,
  changePlanRequestSchema,
  chargeViewSchema,
  customerLookupSchema,
  customerQuerySchema,
  operationIdRequestSchema,
  planChangePreviewRequestSchema,
  planChangePreviewSchema,
  refundChargeRequestSchema,
  returningCheckRequestSchema,
  returningCheckSchema,
  stopAgreementRequestSchema,
} from './agreements';
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

  /** Staff leave a self-service kiosk: a manager's PIN signs that manager in at the till. */
  'kiosk.exit': { request: signInRequestSchema, response: staffSessionSchema },
  /** Who is signed in at this till (and, in training mode, the demo PINs). */
  'staff.session': { request: z.object({}), response: staffSessionSchema },
  /** The names on the sign-in screen. Never PINs. */
  'staff.list': { request: z.object({}), response: z.array(staffMemberSchema) },
  'staff.signIn': { request: signInRequestSchema, response: staffSessionSchema },
  'staff.signOut': { request: z.object({}), response: staffSessionSchema },
  /** A real shop's first start: the first manager. Refused once the till has staff. */
  'staff.setup': { request: z.object({ name: staffNameSchema, pin: pinSchema }), response: staffSessionSchema },
  /** The signed-in member's language for the till's screens (null: the shop's); kept for their next sign-in. */
  'staff.setLanguage': { request: z.object({ language: uiLanguageSchema.nullable() }), response: staffSessionSchema },
  'staff.create': { request: newStaffRequestSchema.extend({ approval: approvalSchema.optional() }), response: staffMemberSchema },

  'catalogue.plans': { request: z.object({ refresh: z.boolean().optional() }), response: planCatalogueSchema },
  'subscription.start': { request: startSubscriptionRequestSchema, response: subscriptionSaleSchema },
  'subscription.get': { request: z.object({ saleId: z.string().min(1) }), response: subscriptionSaleSchema },
  /** The sale still waiting for the customer, if any: the till shows it again after a restart. */
  'subscription.current': { request: z.object({}), response: subscriptionSaleSchema.nullable() },
  'subscription.cancel': { request: z.object({ saleId: z.string().min(1) }), response: subscriptionSaleSchema },

  'products.list': { request: z.object({ refresh: z.boolean().optional() }), response: productCatalogueSchema },
  'cart.get': { request: z.object({}), response: cartSchema },
  /** Adds one product (or `quantity`) by id, or by barcode as a scanner types it. */
  'cart.add': {
    request: z.union([
      z.object({ productId: z.string().min(1), quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY).optional() }),
      z.object({ barcode: z.string().trim().min(1).max(64) }),
    ]),
    response: cartSchema,
  },
  /** Quantity 0 removes the line. */
  'cart.setQuantity': {
    request: z.object({ productId: z.string().min(1), quantity: z.number().int().min(0).max(MAX_LINE_QUANTITY) }),
    response: cartSchema,
  },
  'cart.clear': { request: z.object({}), response: cartSchema },
  /** Turns the cart into a sale and asks Vipps MobilePay for the money (push to a phone, or a QR). */
  'payment.start': { request: startPaymentRequestSchema, response: saleSchema },
  /** Records the cart as paid in cash. */
  'payment.cash': { request: cashPaymentRequestSchema, response: saleSchema },
  'sale.get': { request: z.object({ saleId: z.string().min(1) }), response: saleSchema },
  /** The one-off sale waiting for its customer, if any (one per till). */
  'sale.current': { request: z.object({}), response: saleSchema.nullable() },
  /** Before approval: the request is withdrawn (TERMINATED). After approval, before capture: the reservation is released. */
  'sale.cancel': { request: z.object({ saleId: z.string().min(1) }), response: saleSchema },
  'sale.refund': { request: refundRequestSchema, response: saleSchema },
  /** Today's sales on this till, newest first. */
  'sales.list': { request: z.object({ limit: z.number().int().min(1).max(500).optional() }), response: z.array(saleSchema) },
  /** Today's subscription sign-ups on this till, newest first, each with its initial charge. */
  'sales.signUps': { request: z.object({ limit: z.number().int().min(1).max(500).optional() }), response: z.array(subscriptionSaleSchema) },
  'display.get': { request: z.object({}), response: customerDisplaySchema },

  'sync.status': { request: z.object({}), response: syncStatusSchema },
  /** Deliver what is waiting now, and resume delivery paused by a refused API key. */
  'sync.now': { request: z.object({}), response: syncStatusSchema },
  'sync.deadLetters': { request: z.object({}), response: z.array(deadLetterSchema) },
  /** Put a dead letter back in the queue (e.g. after the backend was fixed). */
  'sync.retry': { request: z.object({ id: z.string().min(1) }), response: syncStatusSchema },
  /** Give up on a dead letter, with the reason kept beside it. */
  'sync.discard': { request: discardRequestSchema, response: syncStatusSchema },
  /** Whether Vipps MobilePay answers right now: asked before the cashier starts a wallet payment. */
  'vipps.health': { request: z.object({ fresh: z.boolean().optional() }), response: z.object({ reachable: z.boolean(), checkedAt: z.number().int() }) },

  /** The manager's day: totals by tender, VAT, item, cashier and hour, and the agreements. Today when no date is given. */
  'reports.day': { request: z.object({ date: localDateSchema.optional() }), response: dayViewSchema },
  /** Every sale and agreement, paged with its total count, filtered and searched. */
  'reports.entries': { request: pageRequestSchema.extend({ filter: entryFilterSchema.default({}) }), response: entryPageSchema },
  /** One sale or agreement with its timeline: status changes, journal entries, refunds. */
  'reports.entry': { request: z.object({ kind: z.enum(['sale', 'agreement']), id: z.string().min(1).max(64) }), response: entryDetailSchema },
  /** The cash drawer since the last Z-report. */
  'drawer.status': { request: z.object({}), response: drawerSchema },
  /** Opening float, cash in or cash out, with a reason. */
  'drawer.move': { request: drawerMoveRequestSchema, response: drawerSchema },
  /** The X-report: the figures since the last Z, not numbered, nothing closed. */
  'zreport.x': { request: z.object({}), response: endOfDayReportSchema },
  /** Closes the period with the counted cash: the next numbered, immutable Z-report. */
  'zreport.close': { request: closeDayRequestSchema, response: endOfDayReportSchema },
  'zreport.list': { request: z.object({}), response: z.array(zReportSummarySchema) },
  'zreport.get': { request: z.object({ number: z.number().int().min(1) }), response: endOfDayReportSchema },
  'audit.list': { request: pageRequestSchema.extend({ filter: auditFilterSchema.default({}) }), response: auditPageSchema },
  'export.entries': { request: z.object({ filter: entryFilterSchema.default({}), format: exportFormatSchema }), response: exportFileSchema },
  'export.zReport': { request: z.object({ number: z.number().int().min(1), format: exportFormatSchema }), response: exportFileSchema },
  'export.audit': { request: z.object({ filter: auditFilterSchema.default({}), format: exportFormatSchema }), response: exportFileSchema },

  /** A subscriber by phone, subscriber id or agreement id: the billing backend's record with each agreement's live state at Vipps. */
  'customers.lookup': { request: customerQuerySchema, response: customerLookupSchema },
  /** Before a new agreement: does this phone already have one, on this plan or another? */
  'customers.check': { request: returningCheckRequestSchema, response: returningCheckSchema },
  'agreement.get': { request: agreementIdRequestSchema, response: agreementViewSchema },
  'agreement.charges': { request: agreementIdRequestSchema, response: z.array(chargeViewSchema) },
  /** What a plan change would send and what the customer will see; nothing is changed. */
  'agreement.previewChange': { request: planChangePreviewRequestSchema, response: planChangePreviewSchema },
  /** Changes the agreement in place (PATCH), never by stopping it and making another. */
  'agreement.changePlan': { request: changePlanRequestSchema, response: agreementOperationSchema },
  /** Stops the agreement for good (PATCH status STOPPED), with the reason kept. */
  'agreement.stop': { request: stopAgreementRequestSchema, response: agreementOperationSchema },
  'agreement.operation': { request: operationIdRequestSchema, response: agreementOperationSchema },
  /** A change the till stopped following (unconfirmed after a 202): one more look at Vipps; done when it shows. */
  'agreement.recheck': { request: operationIdRequestSchema, response: agreementOperationSchema },
  /** Refunds a charged or captured charge, fully or partly. */
  'charge.refund': { request: refundChargeRequestSchema, response: agreementOperationSchema },
  /** Cancels a pending, due or reserved charge. */
  'charge.cancel': { request: cancelChargeRequestSchema, response: agreementOperationSchema },
} as const satisfies Record<InvokeName, ContractEntry>;

export const eventContract = {
  'staff.changed': staffSessionSchema,
  'subscription.changed': subscriptionSaleSchema,
  'cart.changed': cartSchema,
  'sale.changed': saleSchema,
  /** Everything the customer-facing display shows; sent on every change. */
  'display.changed': customerDisplaySchema,
  'sync.changed': syncStatusSchema,
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
