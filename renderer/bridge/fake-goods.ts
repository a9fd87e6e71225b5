import type { EventName, EventPayload, InvokeName, InvokeRequest, InvokeResponse } from '../../shared/contract';
import { MAX_LINE_QUANTITY, type Cart, type CartLine, type VatSummary } from '../../shared/cart';
import { checkPhone } from '../../shared/phone';
import type { Product, ProductCatalogue } from '../../shared/product';
import { fail, ok, type AppError, type Result } from '../../shared/result';
import { isFinalSaleStatus, type CustomerDisplay, type Sale, type SaleStatus, type Tender } from '../../shared/sale';
import { vatIncluded } from '../../shared/vat';
import type { ReportFake } from './fake-sync';

/**
 * The goods half of the design-time core: products, the cart, ePayment push/QR, cash, refunds and
 * the customer display, in memory. Its rules follow the real core (cart locked while a payment
 * waits, cleared only when paid, one waiting payment per till, a start that Vipps refuses leaves a
 * failed sale and answers with the error). Ways to reach every screen by hand:
 *
 * Barcodes: 7040000000011 inner tube, 7040000000028 tyre levers, 7040000000035 chain oil,
 *   7040000000042 coffee, 7040000000059 cinnamon bun, 7040000000066 gift card; anything else is unknown.
 * Push, by the number's last two digits: 00 declined, 01 expired, 03 failed, 04 push not allowed,
 *   05 number refused, 06 Vipps unreachable for a while, 07 capture pending for a while,
 *   09 waits until it expires; anything else is approved after a few seconds.
 * QR: approved after ~12 s. Refunds: an amount ending in ,13 is refused by Vipps, ,14 fails later.
 * The customer display of another tab follows this one (BroadcastChannel), so `/customer-display?fake`
 * next to `/?fake` shows what a second screen would.
 */
type Emit = <N extends EventName>(name: N, payload: EventPayload<N>) => void;
type GoodsName = Extract<
  InvokeName,
  `products.${string}` | `cart.${string}` | `payment.${string}` | `sale.${string}` | 'sales.list' | 'display.get'
>;
export type GoodsHandlers = { [N in GoodsName]: (request: InvokeRequest<N>) => Result<InvokeResponse<N>> };

const CURRENCY = 'NOK';
const WAITING_AFTER_MS = 1_500;
const APPROVED_AFTER_MS = 8_000;
const QR_APPROVED_AFTER_MS = 12_000;
const CAPTURED_AFTER_MS = 1_200;
const EXPIRES_IN_MS = 10 * 60_000;
const OUTCOME_SHOWN_MS = 20_000;
const REFUND_AFTER_MS = 1_500;

const products: Product[] = [
  { id: 'tube-28', name: 'Slange 28" (Presta)', unitPrice: 12900, currency: CURRENCY, vatRate: 2500, barcode: '7040000000011' },
  { id: 'tyre-levers', name: 'Dekkspaker, 3 stk', unitPrice: 4900, currency: CURRENCY, vatRate: 2500, barcode: '7040000000028' },
  { id: 'chain-oil', name: 'Kjedeolje 100 ml', unitPrice: 8950, currency: CURRENCY, vatRate: 2500, barcode: '7040000000035' },
  { id: 'brake-pads', name: 'Bremseklosser, skivebrems', unitPrice: 19900, currency: CURRENCY, vatRate: 2500 },
  { id: 'light-set', name: 'Lyktesett LED foran og bak', unitPrice: 34900, currency: CURRENCY, vatRate: 2500 },
  { id: 'service-basic', name: 'Service – enkel', unitPrice: 59900, currency: CURRENCY, vatRate: 2500 },
  { id: 'coffee', name: 'Kaffe', unitPrice: 3500, currency: CURRENCY, vatRate: 1500, barcode: '7040000000042' },
  { id: 'bun', name: 'Kanelbolle', unitPrice: 3900, currency: CURRENCY, vatRate: 1500, barcode: '7040000000059' },
  { id: 'gift-card', name: 'Gavekort 500 kr', unitPrice: 50000, currency: CURRENCY, vatRate: 0, barcode: '7040000000066' },
];
const rejected = [{ id: 'helmet-2019', name: 'Hjelm MIPS (2019)', reason: 'The price is missing in the billing system.' }];

function lineFor(product: Pick<Product, 'id' | 'name' | 'unitPrice' | 'vatRate'>, quantity: number): CartLine {
  const total = product.unitPrice * quantity;
  return { productId: product.id, name: product.name, unitPrice: product.unitPrice, vatRate: product.vatRate, quantity, total, vat: vatIncluded(total, product.vatRate) };
}

function cartOf(lines: CartLine[]): Cart {
  const byRate = new Map<number, VatSummary>();
  for (const line of lines) {
    const summary = byRate.get(line.vatRate) ?? { rate: line.vatRate, base: 0, vat: 0, total: 0 };
    summary.total += line.total;
    summary.vat += line.vat;
    summary.base = summary.total - summary.vat;
    byRate.set(line.vatRate, summary);
  }
  return {
    lines,
    totals: {
      currency: CURRENCY,
      total: lines.reduce((sum, line) => sum + line.total, 0),
      vat: lines.reduce((sum, line) => sum + line.vat, 0),
      byRate: [...byRate.values()].sort((a, b) => b.rate - a.rate),
    },
  };
}

const noAmounts = { authorized: 0, captured: 0, refunded: 0, cancelled: 0 };
const idle = (cart: Cart): CustomerDisplay => ({ phase: cart.lines.length > 0 ? 'cart' : 'idle', ...cart, qrUrl: null, expiresAt: null, change: null });

export function createFakeGoods(emit: Emit, variant: string, report: ReportFake = () => {}): GoodsHandlers {
  let lines: CartLine[] = [];
  const sales = new Map<string, Sale>();
  const timers = new Map<string, ReturnType<typeof setTimeout>[]>();
  let receiptNumber = 1040;
  let outcome: { saleId: string; until: number } | null = null;
  /** Whether this tab has sold anything; only then does it speak for the customer display. */
  let active = false;
  let shown: CustomerDisplay = idle(cartOf([]));
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('kassa-fake-display');

  function newSale(tender: Tender, cart: Cart, createdAt = Date.now()): Sale {
    receiptNumber += 1;
    return {
      id: `fake-sale-${receiptNumber}`, reference: `kassa-${receiptNumber}-fake`, receiptNumber: String(receiptNumber), createdAt, updatedAt: createdAt,
      tender, status: 'requested', lines: cart.lines, totals: cart.totals, phone: null, qrUrl: null, expiresAt: null, pspReference: null,
      amounts: noAmounts, cash: null, refunds: [], problem: null, cancelRequested: false,
    };
  }

  // A few earlier sales, so today's list has something in it while designing.
  if (variant !== 'empty') {
    const hour = 3_600_000;
    const paid = (sale: Sale, psp: string): Sale => ({ ...sale, status: 'completed', pspReference: psp, amounts: { ...noAmounts, authorized: sale.totals.total, captured: sale.totals.total } });
    const early = cartOf([lineFor(products[0]!, 2), lineFor(products[1]!, 1)]);
    const coffee = cartOf([lineFor(products[6]!, 2), lineFor(products[7]!, 2)]);
    const service = cartOf([lineFor(products[5]!, 1), lineFor(products[3]!, 1)]);
    const seeded = [
      paid({ ...newSale('vipps-push', early, Date.now() - 3 * hour), phone: { country: 'NO', msisdn: '4791234567' } }, '3140258862'),
      { ...newSale('cash', coffee, Date.now() - 2 * hour), status: 'completed' as const, cash: { tendered: 20000, change: 20000 - coffee.totals.total } },
      { ...newSale('vipps-qr', service, Date.now() - hour), status: 'aborted' as const },
      paid(newSale('vipps-qr', service, Date.now() - hour + 300_000), '3140259377'),
    ];
    for (const sale of seeded) sales.set(sale.id, sale);
  }

  const cart = () => cartOf(lines);
  const waiting = () => [...sales.values()].find((sale) => !isFinalSaleStatus(sale.status) && !sale.cancelRequested) ?? null;

  function computeDisplay(): CustomerDisplay {
    const current = [...sales.values()].find((sale) => !isFinalSaleStatus(sale.status));
    if (current) {
      const phase = current.tender === 'vipps-qr' ? 'waiting-qr' : 'waiting-push';
      return { phase, lines: current.lines, totals: current.totals, qrUrl: current.qrUrl, expiresAt: current.expiresAt, change: null };
    }
    const ended = outcome && Date.now() < outcome.until ? sales.get(outcome.saleId) : undefined;
    if (ended) {
      const phase = ended.status === 'completed' ? 'paid' : 'not-paid';
      return { phase, lines: ended.lines, totals: ended.totals, qrUrl: null, expiresAt: null, change: ended.cash?.change ?? null };
    }
    return idle(cart());
  }

  function displayChanged() {
    active = true;
    shown = computeDisplay();
    emit('display.changed', shown);
    channel?.postMessage({ type: 'display', display: shown });
  }

  if (channel) {
    channel.onmessage = (event: MessageEvent<{ type: 'hello' } | { type: 'display'; display: CustomerDisplay }>) => {
      if (event.data.type === 'hello') {
        if (active) channel.postMessage({ type: 'display', display: shown });
        return;
      }
      shown = event.data.display;
      emit('display.changed', shown);
    };
    channel.postMessage({ type: 'hello' });
  }

  function cartChanged(): Cart {
    const next = cart();
    emit('cart.changed', next);
    if (outcome) outcome = null; // the next customer's goods replace "Thank you".
    displayChanged();
    return next;
  }

  function locked(): Result<never> | null {
    return waiting() ? fail('CONFLICT', 'A payment for this cart is waiting. Finish or cancel it first.') : null;
  }

  function put(sale: Sale): Sale {
    const next = { ...sale, updatedAt: Math.max(Date.now(), sale.updatedAt + 1) };
    sales.set(next.id, next);
    emit('sale.changed', structuredClone(next));
    return next;
  }

  function update(id: string, patch: Partial<Sale>) {
    const sale = sales.get(id);
    if (!sale || isFinalSaleStatus(sale.status)) return;
    const next = put({ ...sale, ...patch });
    if (isFinalSaleStatus(next.status)) finished(next);
    displayChanged();
  }

  function finished(sale: Sale) {
    for (const timer of timers.get(sale.id) ?? []) clearTimeout(timer);
    timers.delete(sale.id);
    if (sale.status === 'completed') {
      lines = [];
      emit('cart.changed', cart());
      report('sale', sale.id);
    }
    outcome = { saleId: sale.id, until: Date.now() + OUTCOME_SHOWN_MS };
    setTimeout(displayChanged, OUTCOME_SHOWN_MS + 50);
  }

  function later(id: string, ms: number, patch: () => Partial<Sale>) {
    timers.set(id, [...(timers.get(id) ?? []), setTimeout(() => update(id, patch()), ms)]);
  }

  const approved = (sale: Sale) => ({ status: 'capturing' as const, amounts: { ...noAmounts, authorized: sale.totals.total } });
  const captured = (sale: Sale) => ({
    status: 'completed' as const, problem: null, pspReference: String(3_140_000_000 + Math.floor(Math.random() * 1_000_000)),
    amounts: { ...noAmounts, authorized: sale.totals.total, captured: sale.totals.total },
  });

  function startPayment(request: InvokeRequest<'payment.start'>): Result<Sale> {
    const current = cart();
    if (current.lines.length === 0) return fail('VALIDATION', 'The cart is empty. Scan or pick the goods first.');
    let phone: Sale['phone'] = null;
    let ending = '';
    if (request.method === 'push') {
      const check = checkPhone(request.phone.country, request.phone.number);
      if (check.state !== 'valid') return fail('VALIDATION', 'This is not a complete mobile number.', { phone: 'This is not a complete mobile number.' });
      phone = { country: request.phone.country, msisdn: check.msisdn };
      ending = check.national.slice(-2);
    }
    if (waiting()) return fail('CONFLICT', 'A payment is already waiting for a customer. Finish or cancel it first.');

    let sale = put({ ...newSale(request.method === 'push' ? 'vipps-push' : 'vipps-qr', current), phone });
    const refusedBy: Record<string, AppError> = {
      '04': { code: 'PUSH_NOT_ALLOWED', message: 'Vipps MobilePay cannot send the request to this number. Show the QR code for the customer to scan instead.' },
      '05': { code: 'VIPPS_REJECTED', message: 'Vipps MobilePay did not accept the number.', fields: { phone: 'Vipps MobilePay has no user with this number.' } },
    };
    const refusal = refusedBy[ending];
    if (refusal) {
      // As in the core: the sale is stored first, so a refused start leaves a failed sale behind.
      update(sale.id, { status: 'failed', problem: refusal });
      return { ok: false, error: refusal };
    }
    const toWaiting = () => ({
      status: 'waiting' as const, problem: null, expiresAt: Date.now() + EXPIRES_IN_MS,
      qrUrl: request.method === 'qr' ? `https://qr.vipps.no/28/2/05/031/${sale.reference}-${Math.random().toString(36).slice(2, 10)}` : null,
    });
    if (ending === '06') {
      sale = put({ ...sale, problem: { code: 'VIPPS_UNAVAILABLE', message: 'Vipps MobilePay is not answering. Kassa keeps trying.' } });
      later(sale.id, 6_000, toWaiting);
    } else {
      sale = put({ ...sale, ...toWaiting() });
    }
    displayChanged();
    schedule(sale, ending);
    return ok(sale);
  }

  function schedule(sale: Sale, ending: string) {
    const id = sale.id;
    const decided = (ending === '06' ? 6_000 : WAITING_AFTER_MS) + (sale.tender === 'vipps-qr' ? QR_APPROVED_AFTER_MS : APPROVED_AFTER_MS);
    later(id, EXPIRES_IN_MS + (ending === '06' ? 6_000 : 0), () => ({ status: 'expired' }));
    const endings: Record<string, Partial<Sale>> = {
      '00': { status: 'aborted' },
      '01': { status: 'expired' },
      '03': { status: 'failed', problem: { code: 'VIPPS_REJECTED', message: 'Vipps MobilePay stopped the payment. Try again or take another payment.' } },
    };
    if (ending === '09') return;
    const end = endings[ending];
    if (end) return later(id, decided, () => end);
    later(id, decided, () => approved(sale));
    if (ending === '07') {
      later(id, decided + 500, () => ({ problem: { code: 'VIPPS_UNAVAILABLE', message: 'Capture pending: the customer has approved, and Kassa keeps trying to capture the payment. The goods may go.' } }));
      later(id, decided + 10_000, () => captured(sale));
    } else {
      later(id, decided + CAPTURED_AFTER_MS, () => captured(sale));
    }
  }

  function cancel(saleId: string): Result<Sale> {
    const sale = sales.get(saleId);
    if (!sale) return fail('NOT_FOUND', 'That sale does not exist on this till.');
    if (isFinalSaleStatus(sale.status)) return ok(sale);
    // Before approval the request is withdrawn; after it, the reservation is given back.
    const status: SaleStatus = sale.status === 'capturing' ? 'released' : 'terminated';
    update(saleId, { status, cancelRequested: true, problem: null, amounts: { ...sale.amounts, cancelled: sale.amounts.authorized } });
    return ok(sales.get(saleId)!);
  }

  function refund({ saleId, amount }: InvokeRequest<'sale.refund'>): Result<Sale> {
    const sale = sales.get(saleId);
    if (!sale) return fail('NOT_FOUND', 'That sale does not exist on this till.');
    if (sale.status !== 'completed' || sale.tender === 'cash') {
      return fail('VALIDATION', 'Only a completed Vipps MobilePay sale can be refunded here. Give cash back from the drawer for a cash sale.');
    }
    const pending = sale.refunds.filter((r) => r.status === 'pending').reduce((sum, r) => sum + r.amount, 0);
    if (amount > sale.amounts.captured - sale.amounts.refunded - pending) {
      return fail('PAYMENT_REFUSED', 'That is more than is left to refund on this sale.', { amount: 'More than is left to refund.' });
    }
    if (amount % 100 === 13) return fail('PAYMENT_REFUSED', 'This sale is too old to refund through Vipps MobilePay (365 days).');
    const id = `fake-refund-${Date.now()}`;
    const stored = put({ ...sale, refunds: [...sale.refunds, { id, amount, createdAt: Date.now(), status: 'pending', problem: null }] });
    setTimeout(() => {
      const now = sales.get(saleId)!;
      const fails = amount % 100 === 14;
      put({
        ...now,
        refunds: now.refunds.map((r) =>
          r.id !== id ? r : fails ? { ...r, status: 'failed', problem: { code: 'PAYMENT_REFUSED', message: 'Vipps MobilePay refused the refund. Give the money back another way.' } } : { ...r, status: 'refunded' },
        ),
        amounts: fails ? now.amounts : { ...now.amounts, refunded: now.amounts.refunded + amount },
      });
      if (!fails) report('refund', saleId);
    }, REFUND_AFTER_MS);
    return ok(stored);
  }

  function setLine(product: Pick<Product, 'id' | 'name' | 'unitPrice' | 'vatRate'>, quantity: number): Result<Cart> {
    if (quantity > MAX_LINE_QUANTITY) return fail('VALIDATION', `At most ${MAX_LINE_QUANTITY} of one product per sale.`);
    const line = lineFor(product, quantity);
    lines = lines.some((l) => l.productId === product.id) ? lines.map((l) => (l.productId === product.id ? line : l)) : [...lines, line];
    return ok(cartChanged());
  }

  return {
    'products.list': (): Result<ProductCatalogue> =>
      ok({ products, rejected, source: variant === 'cache' ? 'cache' : 'live', fetchedAt: variant === 'cache' ? Date.now() - 2 * 3_600_000 : Date.now() }),
    'cart.get': () => ok(cart()),
    'cart.add': (request) => {
      const refused = locked();
      if (refused) return refused;
      const product = 'barcode' in request ? products.find((p) => p.barcode === request.barcode.trim()) : products.find((p) => p.id === request.productId);
      if (!product) {
        if ('barcode' in request) {
          const message = `No product has the barcode ${request.barcode.trim()}.`;
          return fail('NOT_FOUND', message, { barcode: message });
        }
        return fail('NOT_FOUND', 'That product is no longer on sale.');
      }
      const quantity = 'productId' in request && request.quantity ? request.quantity : 1;
      return setLine(product, (lines.find((l) => l.productId === product.id)?.quantity ?? 0) + quantity);
    },
    'cart.setQuantity': ({ productId, quantity }) => {
      const refused = locked();
      if (refused) return refused;
      if (quantity === 0) {
        lines = lines.filter((l) => l.productId !== productId);
        return ok(cartChanged());
      }
      const line = lines.find((l) => l.productId === productId);
      if (!line) return fail('NOT_FOUND', 'That product is not in the cart.');
      return setLine({ id: line.productId, name: line.name, unitPrice: line.unitPrice, vatRate: line.vatRate }, quantity);
    },
    'cart.clear': () => {
      const refused = locked();
      if (refused) return refused;
      lines = [];
      return ok(cartChanged());
    },
    'payment.start': startPayment,
    'payment.cash': ({ tendered }) => {
      const current = cart();
      if (current.lines.length === 0) return fail('VALIDATION', 'The cart is empty. Scan or pick the goods first.');
      if (waiting()) return fail('CONFLICT', 'A payment is already waiting for a customer. Finish or cancel it first.');
      if (tendered < current.totals.total) return fail('VALIDATION', 'The amount tendered is less than the total.', { tendered: 'Less than the total.' });
      const sale = put({ ...newSale('cash', current), status: 'completed', cash: { tendered, change: tendered - current.totals.total } });
      finished(sale);
      displayChanged();
      return ok(sale);
    },
    'sale.get': ({ saleId }) => {
      const sale = sales.get(saleId);
      return sale ? ok(sale) : fail('NOT_FOUND', 'That sale does not exist on this till.');
    },
    'sale.current': () => ok(waiting()),
    'sale.cancel': ({ saleId }) => cancel(saleId),
    'sale.refund': refund,
    'sales.list': ({ limit }) => ok([...sales.values()].sort((a, b) => b.createdAt - a.createdAt).slice(0, limit ?? 200)),
    'display.get': () => ok(shown),
  };
}
