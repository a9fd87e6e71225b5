import type { Cart } from '../../../shared/cart';
import { isFinalSaleStatus, type CustomerDisplay, type Sale } from '../../../shared/sale';

/**
 * What the customer-facing screen shows, derived from the cart and the sale in progress. It
 * carries nothing meant for staff (sync status, errors' details): only goods, totals, the QR and
 * the outcome. The last outcome stays up until the next cart starts.
 */
export class CustomerDisplayState {
  private cart: Cart;
  private active: Sale | null = null;
  private outcome: Sale | null = null;

  constructor(
    initialCart: Cart,
    private readonly publish: (display: CustomerDisplay) => void,
  ) {
    this.cart = initialCart;
  }

  cartChanged(cart: Cart): void {
    this.cart = cart;
    if (cart.lines.length > 0) this.outcome = null;
    this.publish(this.current());
  }

  saleChanged(sale: Sale): void {
    if (isFinalSaleStatus(sale.status)) {
      if (this.active?.id === sale.id || sale.tender === 'cash') this.outcome = sale;
      if (this.active?.id === sale.id) this.active = null;
    } else if (!sale.cancelRequested) {
      this.active = sale;
    } else if (this.active?.id === sale.id) {
      this.active = null;
    }
    this.publish(this.current());
  }

  current(): CustomerDisplay {
    const { active, outcome, cart } = this;
    if (active) {
      return {
        phase: active.tender === 'vipps-qr' ? 'waiting-qr' : 'waiting-push',
        lines: active.lines,
        totals: active.totals,
        qrUrl: active.status === 'waiting' ? active.qrUrl : null,
        expiresAt: active.expiresAt,
        change: null,
        rounding: null,
      };
    }
    if (outcome && cart.lines.length === 0) {
      return {
        phase: outcome.status === 'completed' ? 'paid' : 'not-paid',
        lines: outcome.lines,
        totals: outcome.totals,
        qrUrl: null,
        expiresAt: null,
        change: outcome.cash?.change ?? null,
        rounding: outcome.cash?.rounding ?? null,
      };
    }
    return { phase: cart.lines.length > 0 ? 'cart' : 'idle', lines: cart.lines, totals: cart.totals, qrUrl: null, expiresAt: null, change: null, rounding: null };
  }
}
