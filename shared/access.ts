import type { EventName, InvokeName } from './channels';

/**
 * Who may make each call. `open`: anyone at the till, signed in or not (what the sign-in screen and
 * the customer display need). `staff`: a signed-in cashier or manager. `manager`: a signed-in
 * manager, or a cashier whose request carries a manager's approval (the manager's PIN, typed on
 * the cashier's screen). The core enforces this on every call; the renderer only uses it to know
 * when to ask for a manager before it is refused.
 */
export type CallAccess = 'open' | 'staff' | 'manager';

export const callAccess = {
  'app.info': 'open',
  'kiosk.exit': 'open',
  'staff.session': 'open',
  'staff.list': 'open',
  'staff.signIn': 'open',
  'staff.signOut': 'open',
  'staff.setup': 'open',
  'staff.create': 'manager',
  'staff.setLanguage': 'staff',
  'catalogue.plans': 'staff',
  'subscription.start': 'staff',
  'subscription.get': 'staff',
  'subscription.current': 'staff',
  'subscription.cancel': 'staff',
  'products.list': 'staff',
  'cart.get': 'staff',
  'cart.add': 'staff',
  'cart.setQuantity': 'staff',
  'cart.clear': 'staff',
  'payment.start': 'staff',
  'payment.cash': 'staff',
  'sale.get': 'staff',
  'sale.current': 'staff',
  'sale.cancel': 'staff',
  'sale.refund': 'manager',
  'sales.list': 'staff',
  'sales.signUps': 'staff',
  'display.get': 'open',
  'sync.status': 'staff',
  'sync.now': 'staff',
  'sync.deadLetters': 'staff',
  'sync.retry': 'staff',
  'sync.discard': 'manager',
  'vipps.health': 'staff',
  'reports.day': 'manager',
  'reports.entries': 'manager',
  'reports.entry': 'manager',
  'drawer.status': 'manager',
  'drawer.move': 'manager',
  'zreport.x': 'manager',
  'zreport.close': 'manager',
  'zreport.list': 'manager',
  'zreport.get': 'manager',
  'audit.list': 'manager',
  'export.entries': 'manager',
  'export.zReport': 'manager',
  'export.audit': 'manager',
  'customers.lookup': 'staff',
  'customers.check': 'staff',
  'agreement.get': 'staff',
  'agreement.charges': 'staff',
  'agreement.previewChange': 'staff',
  'agreement.changePlan': 'staff',
  'agreement.stop': 'staff',
  'agreement.operation': 'staff',
  'agreement.recheck': 'staff',
  'charge.refund': 'manager',
  'charge.cancel': 'manager',
} as const satisfies Record<InvokeName, CallAccess>;

/**
 * What the customer display may do, in every host (the web host's display cookie, Electron's
 * display window): read its own picture and the shop's public facts (name and locale, from
 * `app.info`, which carries no customer data and no credentials), and follow `display.changed`.
 * Nothing that reads customers, sales or money movements.
 */
export const displayCalls: ReadonlySet<InvokeName> = new Set<InvokeName>(['display.get', 'app.info']);
export const displayEvents: ReadonlySet<EventName> = new Set<EventName>(['display.changed']);

/**
 * What a customer at a self-service kiosk may do with nobody signed in: look at the plans and the
 * goods, fill a cart, start (and cancel) their own payment or agreement and follow it. Never the
 * day's sales, refunds, sync, staff or anyone else's data: those stay behind a staff sign-in.
 */
export const kioskCalls: ReadonlySet<InvokeName> = new Set<InvokeName>([
  'catalogue.plans',
  'products.list',
  'cart.get',
  'cart.add',
  'cart.setQuantity',
  'cart.clear',
  'payment.start',
  'sale.get',
  'sale.current',
  'sale.cancel',
  'subscription.start',
  'subscription.get',
  'subscription.current',
  'subscription.cancel',
  'vipps.health',
  // The returning-customer check, answered to a kiosk with the state only (see create-core).
  'customers.check',
]);
