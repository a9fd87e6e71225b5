/**
 * The names of every call and event in the contract, without their schemas, so the sandboxed
 * preload can build its allow-list without bundling zod. `contract.ts` is checked against these
 * lists by the compiler: a name missing from either side fails the build.
 */
export const invokeNames = [
  'app.info',
  'kiosk.exit',
  'staff.session',
  'staff.list',
  'staff.signIn',
  'staff.signOut',
  'staff.setup',
  'staff.create',
  'staff.setLanguage',
  'catalogue.plans',
  'subscription.start',
  'subscription.get',
  'subscription.current',
  'subscription.cancel',
  'products.list',
  'cart.get',
  'cart.add',
  'cart.setQuantity',
  'cart.clear',
  'payment.start',
  'payment.cash',
  'sale.get',
  'sale.current',
  'sale.cancel',
  'sale.refund',
  'sales.list',
  'sales.signUps',
  'display.get',
  'sync.status',
  'sync.now',
  'sync.deadLetters',
  'sync.retry',
  'sync.discard',
  'vipps.health',
  'reports.day',
  'reports.entries',
  'reports.entry',
  'drawer.status',
  'drawer.move',
  'zreport.x',
  'zreport.close',
  'zreport.list',
  'zreport.get',
  'audit.list',
  'export.entries',
  'export.zReport',
  'export.audit',
  'customers.lookup',
  'customers.check',
  'agreement.get',
  'agreement.charges',
  'agreement.previewChange',
  'agreement.changePlan',
  'agreement.stop',
  'agreement.operation',
  'agreement.recheck',
  'charge.refund',
  'charge.cancel',
] as const;
export const eventNames = ['staff.changed', 'subscription.changed', 'cart.changed', 'sale.changed', 'display.changed', 'sync.changed'] as const;

export type InvokeName = (typeof invokeNames)[number];
export type EventName = (typeof eventNames)[number];

/** IPC channel names, used by the preload and the main process alike. */
export const invokeChannel = (name: InvokeName) => `kassa:invoke:${name}`;
export const eventChannel = (name: EventName) => `kassa:event:${name}`;
