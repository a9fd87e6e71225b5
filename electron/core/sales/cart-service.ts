import { because } from '../../../shared/reasons';
import type { Cart, CartLine } from '../../../shared/cart';
import { MAX_CART_TOTAL, MAX_LINE_QUANTITY } from '../../../shared/cart';
import { minorUnitsToDecimal, type Currency } from '../../../shared/money';
import type { Product } from '../../../shared/product';
import { KassaError } from '../../../shared/result';
import type { CatalogueService } from '../catalogue/catalogue-service';
import { cartOf, lineFor } from './cart-math';

/**
 * The cart on the counter. It lives in memory: until it is paid for, it is not a sale, and a
 * restarted till starts with an empty counter. Lines keep the product's price from the moment it
 * was scanned. While a payment for it is waiting, the cart is locked.
 */
export class CartService {
  private lines: CartLine[] = [];
  private lockedBy: (() => string | null) | null = null;

  constructor(
    private readonly products: CatalogueService<Product>,
    private readonly currency: Currency,
    private readonly onChange: (cart: Cart) => void,
  ) {}

  /** `reason()` returns why the cart may not change now (a waiting payment), or null. */
  lockWhile(reason: () => string | null): void {
    this.lockedBy = reason;
  }

  get(): Cart {
    return cartOf(this.lines, this.currency);
  }

  async add(request: { productId: string; quantity?: number } | { barcode: string }): Promise<Cart> {
    this.assertUnlocked();
    const product = 'barcode' in request ? await this.byBarcode(request.barcode) : await this.products.find(request.productId, 'productId');
    const quantity = 'quantity' in request && request.quantity ? request.quantity : 1;
    const existing = this.lines.find((line) => line.productId === product.id);
    return this.setLine(product, (existing?.quantity ?? 0) + quantity);
  }

  async setQuantity(productId: string, quantity: number): Promise<Cart> {
    this.assertUnlocked();
    if (quantity === 0) {
      this.lines = this.lines.filter((line) => line.productId !== productId);
      return this.changed();
    }
    const existing = this.lines.find((line) => line.productId === productId);
    if (!existing) throw new KassaError('NOT_FOUND', 'That product is not in the cart.', undefined, because('CART_LINE_NOT_FOUND'));
    return this.setLine({ id: existing.productId, name: existing.name, unitPrice: existing.unitPrice, vatRate: existing.vatRate, currency: this.currency }, quantity);
  }

  clear(): Cart {
    this.assertUnlocked();
    this.lines = [];
    return this.changed();
  }

  /** Empties the cart after it has been paid for (the lock does not apply: the sale owns the lines now). */
  clearAfterSale(): void {
    this.lines = [];
    this.changed();
  }

  private setLine(product: Product, quantity: number): Cart {
    if (quantity > MAX_LINE_QUANTITY) {
      throw new KassaError('VALIDATION', `At most ${MAX_LINE_QUANTITY} of one product per sale.`, { quantity: `At most ${MAX_LINE_QUANTITY}.` }, because('QUANTITY_TOO_LARGE', { max: MAX_LINE_QUANTITY }));
    }
    const line = lineFor(product, quantity);
    const lines = this.lines.some((l) => l.productId === product.id)
      ? this.lines.map((l) => (l.productId === product.id ? line : l))
      : [...this.lines, line];
    const total = lines.reduce((sum, l) => sum + l.total, 0);
    if (total > MAX_CART_TOTAL) {
      const most = `${minorUnitsToDecimal(MAX_CART_TOTAL)} ${this.currency}`;
      const message = `${quantity} × ${product.name} would take the sale over ${most}, the most one sale can be. Split the sale.`;
      throw new KassaError('VALIDATION', message, { quantity: message }, because('CART_TOTAL_TOO_LARGE', { maxAmount: MAX_CART_TOTAL, currency: this.currency }));
    }
    this.lines = lines;
    return this.changed();
  }

  private async byBarcode(barcode: string): Promise<Product> {
    const code = barcode.trim();
    const { items } = await this.products.saved();
    const product = items.find((p) => p.barcode === code);
    if (!product) throw new KassaError('NOT_FOUND', `No product has the barcode ${code}.`, { barcode: `No product has the barcode ${code}.` }, because('BARCODE_UNKNOWN', { code }));
    return product;
  }

  private assertUnlocked(): void {
    const reason = this.lockedBy?.();
    if (reason) throw new KassaError('CONFLICT', reason, undefined, because('CART_LOCKED_BY_PAYMENT'));
  }

  private changed(): Cart {
    const cart = this.get();
    this.onChange(cart);
    return cart;
  }
}
