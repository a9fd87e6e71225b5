import { z } from 'zod';

/**
 * A client request id: a UUID the renderer makes once per cashier intention that moves money or
 * makes an agreement, and sends again, unchanged, on every retry of that intention. The core
 * stores it with what the first attempt created, so a repeat is answered with that, never done
 * twice.
 */
export const requestIdSchema = z.uuid({ error: 'must be a UUID made once per cashier intention' });

/** The contract calls that create a money movement or an agreement, and so carry a request id. */
export const intentionCalls = ['subscription.start', 'payment.start', 'payment.cash', 'sale.refund', 'drawer.move', 'zreport.close', 'agreement.changePlan', 'agreement.stop', 'charge.refund', 'charge.cancel'] as const;
export type IntentionCall = (typeof intentionCalls)[number];
