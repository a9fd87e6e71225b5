import type { Cart } from '../../../shared/cart';
import { isFinalSaleStatus, type CustomerDisplay, type Sale } from '../../../shared/sale';
import { isFinalSubscriptionStatus, type SubscriptionSale } from '../../../shared/subscription';

/** What the display last finished with: a goods sale or a sign-up, whichever ended last. */
type Outcome = { kind: 'sale'; sale: Sale } | { kind: 'signup'; sale: SubscriptionSale };

/**
 * What the customer-facing screen shows, derived from the cart, the sale in progress and the
 * subscription sign-up in progress. It carries nothing meant for staff (sync status, errors'
 * details) and nothing personal (a sign-up shows its plan, never the phone number or profile):
 * only goods, totals, the plan, the QR and the outcome. The last outcome stays up until the next
 * cart starts.
 */
export class CustomerDisplayState {
  private cart: Cart;
  private active: Sale | null = null;
  private signUp: SubscriptionSale | null = null;
  private outcome: Outcome | null = null;

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
      if (this.active?.id === sale.id || sale.tender === 'cash') this.outcome = { kind: 'sale', sale };
      if (this.active?.id === sale.id) this.active = null;
    } else if (!sale.cancelRequested) {
      this.active = sale;
    } else if (this.active?.id === sale.id) {
      this.active = null;
    }
    this.publish(this.current());
  }

  /** A sign-up the cashier cancels leaves the screen at once; one that ends shows how it ended. */
  subscriptionChanged(sale: SubscriptionSale): void {
    if (isFinalSubscriptionStatus(sale.status)) {
      if (this.signUp?.id === sale.id) {
        this.signUp = null;
        if (sale.outcomeReason !== 'cancelled-by-cashier') this.outcome = { kind: 'signup', sale };
      }
    } else if (!sale.cancelRequested) {
      this.signUp = sale;
    } else if (this.signUp?.id === sale.id) {
      this.signUp = null;
    }
    this.publish(this.current());
  }

  current(): CustomerDisplay {
    const { active, signUp, outcome, cart } = this;
    const nothing = { qrUrl: null, expiresAt: null, change: null, rounding: null, signUp: null };
    if (active) {
      return {
        ...nothing,
        phase: active.tender === 'vipps-qr' ? 'waiting-qr' : 'waiting-push',
        lines: active.lines,
        totals: active.totals,
        qrUrl: active.status === 'waiting' ? active.qrUrl : null,
        expiresAt: active.expiresAt,
      };
    }
    if (signUp) {
      // The confirmation QR is for a customer whose push did not arrive: they can scan it instead.
      return { ...this.signUpScreen(signUp, 'signup-waiting'), qrUrl: signUp.confirmationUrl, expiresAt: signUp.expiresAt };
    }
    if (outcome && cart.lines.length === 0) {
      if (outcome.kind === 'signup') return this.signUpScreen(outcome.sale, outcome.sale.status === 'active' ? 'signed-up' : 'not-signed-up');
      const sale = outcome.sale;
      return {
        ...nothing,
        phase: sale.status === 'completed' ? 'paid' : 'not-paid',
        lines: sale.lines,
        totals: sale.totals,
        change: sale.cash?.change ?? null,
        rounding: sale.cash?.rounding ?? null,
      };
    }
    return { ...nothing, phase: cart.lines.length > 0 ? 'cart' : 'idle', lines: cart.lines, totals: cart.totals };
  }

  private signUpScreen(sale: SubscriptionSale, phase: 'signup-waiting' | 'signed-up' | 'not-signed-up'): CustomerDisplay {
    // No goods: the totals are an empty receipt in the plan's currency; the plan says the price.
    const totals = { currency: sale.plan.currency, total: 0, vat: 0, byRate: [] };
    return { phase, lines: [], totals, qrUrl: null, expiresAt: null, change: null, rounding: null, signUp: { plan: sale.plan } };
  }
}
