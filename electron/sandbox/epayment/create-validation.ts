/**
 * Validation of ePayment request bodies (epayment-v1.yaml 1.8.1), in two passes like the real API:
 *
 * 1. The schema: every failing field is collected and answered together as one 400 without an
 *    error code, each field named in `extraDetails` (`amount.value`, `receipt.orderLines[0].name`).
 * 2. The rules on top of it, each a coded error, checked in this order (the real order is not
 *    documented; schema first, then the request's own consistency, then the merchant's
 *    configuration, then the amount):
 *    4040 decimal amount (raised as soon as it is seen: "Integers only, minor units") ·
 *    10060 CARD (not available in the test environment) · 4140 `customer` missing for
 *    PUSH_MESSAGE / `returnUrl` missing for WEB_REDIRECT · 4090 URL not https or an app scheme ·
 *    4060 personal QR without a phone number in it · 4050 customer token (the sandbox plays no
 *    merchant-callback QR, so it never issued one) · 4080 unknown scope · 4100/4120/4130 metadata
 *    limits · 5040 currency not the sales unit's · 5010 blockedSources outside DK/FI ·
 *    5020 `shipping` (Express) · 5050 `expiresAt` (long-living payments need approval; the
 *    sandbox's sales units have none) · 5080 PUSH_MESSAGE without approval (HTTP 403, see below) ·
 *    6010 amount under the minimum (NOK 100 øre, DKK 1 øre, EUR 1 cent).
 *
 * Choices where the spec is silent:
 * - 5080's HTTP status is UNCONFIRMED (fact sheet §9.11); 403 is the natural reading: createPayment
 *   documents 400/403/409, the sales unit lacks a permission, and Recurring's equivalent
 *   (skipLandingPage without whitelisting) is documented as 403.
 * - `paymentDescription` is optional (not in the spec's `required`), 3..100 when sent.
 * - `customer` must name exactly one of phoneNumber / personalQr / customerToken ("Specifying more
 *   than one of these will result in an error"); `{}` is refused too.
 * - `qrFormat` is accepted with any flow and only used with QR ("only applicable when userFlow is
 *   QR").
 * - Receipt: `taxRate` (0..10000) or the deprecated `taxPercentage` (0..100) must be present on each
 *   order line ("Either this or taxPercentage must be set"). Whether the lines add up to the amount
 *   is NOT checked by the API as far as the docs say ("sum will be calculated based on the sum of
 *   the orderLines"), so the sandbox accepts an inconsistent receipt and reports it as warnings on
 *   the phone page and in the control API instead — a till should never ship one.
 * - A `bottomLine` sent as an array (the spec's own example does, §10.9) is a validation error.
 * - Unknown properties and `industryData` are accepted and ignored.
 */
import { currencyByCountry, type Currency } from '../merchants';
import type { SandboxMerchant } from '../sandbox-api';
import { FieldErrors, isObject, readBoolean, readDateTime, readEnum, readInt, readObject, readString, type Json } from '../recurring/field-checks';
import { isHttpsOrDeeplink } from '../recurring/draft-validation';
import { scopeWords } from '../recurring/model';
import { coded, validationProblem } from './epayment-problems';
import { qrFormats, quantityUnits, userFlows, type OrderLine, type Receipt, type ValidCreatePayment } from './model';

export const REFERENCE = /^[a-zA-Z0-9-]{8,64}$/;
export const EPAYMENT_MSISDN = /^\d{9,15}$/;
export const AMOUNT_MAX = 65_000_000;
/** "The minimum amounts allowed are NOK 100 øre, DKK 1 øre, EUR 1 cent." */
export const MINIMUM_AMOUNT: Record<Currency, number> = { NOK: 100, DKK: 1, EUR: 1 };
const currencies: readonly Currency[] = ['NOK', 'DKK', 'EUR'];
const QUANTITY = /^\d+([.]\d{1,8})?$/;

export function validateCreatePayment(body: unknown, merchant: SandboxMerchant): ValidCreatePayment {
  const obj = requireObject(body);
  const errors = new FieldErrors();

  const amount = readAmount(errors, obj, 'amount', 'amount');
  const paymentMethod = readObject(errors, obj, 'paymentMethod', 'paymentMethod', { required: true });
  const methodType = paymentMethod ? readEnum(errors, paymentMethod, 'type', 'paymentMethod.type', ['WALLET', 'CARD'] as const, { required: true }) : undefined;
  const blockedSources = paymentMethod ? readStringArray(errors, paymentMethod, 'blockedSources', 'paymentMethod.blockedSources', ['COMMERCIAL_CARDS']) : [];
  const reference = readString(errors, obj, 'reference', 'reference', {
    required: true,
    pattern: REFERENCE,
    patternReason: 'Must be 8 to 64 characters: letters a-z and A-Z, digits and "-" (^[a-zA-Z0-9-]{8,64}$)',
  });
  const userFlow = readEnum(errors, obj, 'userFlow', 'userFlow', userFlows, { required: true });
  const customer = readCustomer(errors, obj);
  const customerInteraction = readEnum(errors, obj, 'customerInteraction', 'customerInteraction', ['CUSTOMER_PRESENT', 'CUSTOMER_NOT_PRESENT'] as const) ?? 'CUSTOMER_NOT_PRESENT';
  const paymentDescription = readString(errors, obj, 'paymentDescription', 'paymentDescription', { min: 3, max: 100 });
  const returnUrl = readString(errors, obj, 'returnUrl', 'returnUrl', { min: 1, max: 2500 });
  const receiptUrl = readString(errors, obj, 'receiptUrl', 'receiptUrl', { nullable: true, min: 1 });
  const qrFormat = readQrFormat(errors, obj);
  const receipt = readReceipt(errors, obj);
  const metadata = readMetadata(errors, obj);
  const profile = readObject(errors, obj, 'profile', 'profile');
  const scopeText = profile ? readString(errors, profile, 'scope', 'profile.scope') : undefined;
  const expiresAt = obj['expiresAt'] === null ? undefined : readDateTime(errors, obj, 'expiresAt', 'expiresAt');
  const minimumUserAge = readInt(errors, obj, 'minimumUserAge', 'minimumUserAge', { min: 0, max: 100 });
  const shipping = readObject(errors, obj, 'shipping', 'shipping');
  if (errors.list.length > 0) throw validationProblem(errors.list);

  // Past the schema: every required value is present.
  const valid: ValidCreatePayment = {
    reference: reference!,
    amount: amount!,
    userFlow: userFlow!,
    customer,
    customerInteraction,
    paymentDescription,
    returnUrl,
    receipt,
    receiptUrl,
    qrFormat,
    metadata,
    scope: scopeText ? scopeText.split(/\s+/).filter((word) => word !== '') : [],
    blockedSources,
    expiresAt,
    shipping: shipping !== undefined,
    minimumUserAge,
  };
  checkRules(valid, methodType!, merchant);
  return valid;
}

function checkRules(valid: ValidCreatePayment, methodType: 'WALLET' | 'CARD', merchant: SandboxMerchant): void {
  if (methodType === 'CARD') {
    throw coded(400, 10060, 'Card payments (paymentMethod.type CARD) are not available in the test environment.');
  }
  if (valid.userFlow === 'PUSH_MESSAGE' && !valid.customer) {
    throw coded(400, 4140, 'The parameter `customer` is required when userFlow is PUSH_MESSAGE.', { fields: [{ name: 'customer', reason: 'Required when userFlow is PUSH_MESSAGE' }] });
  }
  if (valid.userFlow === 'WEB_REDIRECT' && !valid.returnUrl) {
    throw coded(400, 4140, 'The parameter `returnUrl` is required when userFlow is WEB_REDIRECT.', { fields: [{ name: 'returnUrl', reason: 'Required when userFlow is WEB_REDIRECT' }] });
  }
  for (const [name, url] of [['returnUrl', valid.returnUrl], ['receiptUrl', valid.receiptUrl]] as const) {
    if (url !== undefined && !isHttpsOrDeeplink(url)) {
      throw coded(400, 4090, `The parameter \`${url}\` is invalid. It must use https:// or an app's own scheme.`, { fields: [{ name, reason: 'Must be https:// or a custom URL scheme' }] });
    }
  }
  if (valid.customer && 'personalQr' in valid.customer && phoneInPersonalQr(valid.customer.personalQr) === null) {
    throw coded(400, 4060, 'The personal QR code is not valid. Send the complete content of the scanned code.');
  }
  if (valid.customer && 'customerToken' in valid.customer) {
    throw coded(400, 4050, 'The customer token is not valid. (The sandbox issues no customer tokens: merchant-callback QR codes are not emulated.)');
  }
  const unknownScope = valid.scope.find((word) => !(scopeWords as readonly string[]).includes(word));
  if (unknownScope !== undefined) throw coded(400, 4080, `The scope \`${unknownScope}\` is invalid.`);
  if (valid.metadata) checkMetadata(valid.metadata);

  const currency = currencyByCountry[merchant.countryCode];
  if (valid.amount.currency !== currency) {
    throw coded(400, 5040, `The currency ${valid.amount.currency} is not valid for the sales unit with MSN ${merchant.msn}, which takes ${currency}.`);
  }
  if (valid.blockedSources.length > 0 && merchant.countryCode === 'NO') {
    throw coded(400, 5010, 'blockedSources applies only to Danish and Finnish sales units.');
  }
  if (valid.shipping) throw coded(400, 5020, `Express payment is not allowed for the sales unit with MSN ${merchant.msn}.`);
  if (valid.expiresAt !== undefined) {
    throw coded(400, 5050, `The sales unit with MSN ${merchant.msn} is not allowed to perform long living payments.`);
  }
  if (valid.userFlow === 'PUSH_MESSAGE' && merchant.pushMessageAllowed === false) {
    throw coded(403, 5080, `The sales unit with MSN ${merchant.msn} is not allowed to skip the landing page: userFlow PUSH_MESSAGE needs approval by Vipps MobilePay. Use QR or WEB_REDIRECT.`);
  }
  const minimum = MINIMUM_AMOUNT[valid.amount.currency];
  if (valid.amount.value < minimum) {
    throw coded(400, 6010, `The amount is too small. Amounts are specified in minor units; the minimum for ${valid.amount.currency} is ${minimum}.`);
  }
}

/** The phone number inside a personal QR's content (`https://qr.vipps.no/p/4712345678`), or null. */
export function phoneInPersonalQr(content: string): string | null {
  const runs = content.match(/\d{9,15}/g);
  return runs ? runs[runs.length - 1]! : null;
}

function checkMetadata(metadata: Record<string, string>): void {
  const entries = Object.entries(metadata);
  if (entries.length > 5) throw coded(400, 4100, 'Metadata can hold at most 5 key-value pairs.');
  for (const [key, value] of entries) {
    if (key.length > 100) throw coded(400, 4120, `The metadata key \`${key.slice(0, 20)}…\` is longer than 100 characters.`);
    if (value.length > 500) throw coded(400, 4130, `The metadata value for \`${key}\` is longer than 500 characters.`);
  }
}

/**
 * `{currency, value}`: value int 0..65 000 000. A number with decimals is the documented 4040
 * "Invalid amount" (the common rounding bug) rather than a plain schema error.
 */
export function readAmount(errors: FieldErrors, obj: Json, key: string, path: string): { currency: Currency; value: number } | undefined {
  const amount = readObject(errors, obj, key, path, { required: true });
  if (!amount) return undefined;
  const raw = amount['value'];
  if (typeof raw === 'number' && Number.isFinite(raw) && !Number.isInteger(raw)) {
    throw coded(400, 4040, `The amount ${raw} is invalid. Amounts must be integers in minor units (øre, cent), no decimals.`, { fields: [{ name: `${path}.value`, reason: 'Must be an integer' }] });
  }
  const currency = readEnum(errors, amount, 'currency', `${path}.currency`, currencies, { required: true });
  const value = readInt(errors, amount, 'value', `${path}.value`, { required: true, min: 0, max: AMOUNT_MAX });
  return currency !== undefined && value !== undefined ? { currency, value } : undefined;
}

function readCustomer(errors: FieldErrors, obj: Json): ValidCreatePayment['customer'] {
  const customer = readObject(errors, obj, 'customer', 'customer');
  if (!customer) return undefined;
  const present = (['phoneNumber', 'personalQr', 'customerToken'] as const).filter((key) => customer[key] !== undefined && customer[key] !== null);
  if (present.length !== 1) {
    errors.add('customer', 'Must have exactly one of phoneNumber, personalQr or customerToken');
    return undefined;
  }
  const key = present[0]!;
  if (key === 'phoneNumber') {
    const phoneNumber = readString(errors, customer, key, 'customer.phoneNumber', {
      pattern: EPAYMENT_MSISDN,
      patternReason: 'Must be an MSISDN: 9 to 15 digits with the country code and no "+" or spaces, e.g. 4791234567',
    });
    return phoneNumber === undefined ? undefined : { phoneNumber };
  }
  if (key === 'personalQr') {
    const personalQr = readString(errors, customer, key, 'customer.personalQr', { min: 5, max: 255 });
    return personalQr === undefined ? undefined : { personalQr };
  }
  const customerToken = readString(errors, customer, key, 'customer.customerToken', { min: 1 });
  return customerToken === undefined ? undefined : { customerToken };
}

function readQrFormat(errors: FieldErrors, obj: Json): ValidCreatePayment['qrFormat'] {
  const qr = readObject(errors, obj, 'qrFormat', 'qrFormat');
  if (!qr) return undefined;
  const format = readEnum(errors, qr, 'format', 'qrFormat.format', qrFormats, { required: true });
  const size = readInt(errors, qr, 'size', 'qrFormat.size', { min: 100, max: 2000 });
  return format === undefined ? undefined : { format, ...(size !== undefined ? { size } : {}) };
}

function readMetadata(errors: FieldErrors, obj: Json): Record<string, string> | undefined {
  const metadata = readObject(errors, obj, 'metadata', 'metadata');
  if (!metadata) return undefined;
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (typeof value !== 'string') errors.add(`metadata.${key}`, 'Must be a string');
    else result[key] = value;
  }
  return result;
}

function readStringArray<T extends string>(errors: FieldErrors, obj: Json, key: string, path: string, values: readonly T[]): T[] {
  const value = obj[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    errors.add(path, 'Must be an array');
    return [];
  }
  const result: T[] = [];
  value.forEach((item, i) => {
    if (typeof item === 'string' && (values as readonly string[]).includes(item)) result.push(item as T);
    else errors.add(`${path}[${i}]`, `Must be one of: ${values.join(', ')}`);
  });
  return result;
}

function readReceipt(errors: FieldErrors, obj: Json): Receipt | undefined {
  const receipt = readObject(errors, obj, 'receipt', 'receipt');
  if (!receipt) return undefined;
  const rawLines = receipt['orderLines'];
  const orderLines: OrderLine[] = [];
  if (!Array.isArray(rawLines) || rawLines.length === 0) {
    errors.add('receipt.orderLines', Array.isArray(rawLines) ? 'Must have at least one order line' : 'Is required (an array of order lines)');
  } else {
    rawLines.forEach((raw, i) => {
      const line = readOrderLine(errors, raw, `receipt.orderLines[${i}]`);
      if (line) orderLines.push(line);
    });
  }
  const bottomLine = readObject(errors, receipt, 'bottomLine', 'receipt.bottomLine', { required: true });
  let bottom: Receipt['bottomLine'] | undefined;
  if (bottomLine) {
    const currency = readEnum(errors, bottomLine, 'currency', 'receipt.bottomLine.currency', currencies, { required: true });
    const tipAmount = readInt(errors, bottomLine, 'tipAmount', 'receipt.bottomLine.tipAmount', { min: 0 });
    const posId = readString(errors, bottomLine, 'posId', 'receipt.bottomLine.posId', { nullable: true });
    const receiptNumber = readString(errors, bottomLine, 'receiptNumber', 'receipt.bottomLine.receiptNumber', { nullable: true });
    const barcode = readObject(errors, bottomLine, 'barcode', 'receipt.bottomLine.barcode');
    if (barcode) {
      readEnum(errors, barcode, 'format', 'receipt.bottomLine.barcode.format', ['EAN-13', 'CODE 39', 'CODE 128'] as const, { required: true });
      readString(errors, barcode, 'data', 'receipt.bottomLine.barcode.data', { required: true });
    }
    const sources = readObject(errors, bottomLine, 'paymentSources', 'receipt.bottomLine.paymentSources');
    if (sources) for (const key of ['giftCard', 'card', 'voucher', 'cash']) readInt(errors, sources, key, `receipt.bottomLine.paymentSources.${key}`);
    if (currency) bottom = { currency, ...(tipAmount !== undefined ? { tipAmount } : {}), ...(posId !== undefined ? { posId } : {}), ...(receiptNumber !== undefined ? { receiptNumber } : {}) };
  }
  return bottom && orderLines.length > 0 ? { orderLines, bottomLine: bottom } : undefined;
}

function readOrderLine(errors: FieldErrors, raw: unknown, path: string): OrderLine | undefined {
  if (!isObject(raw)) {
    errors.add(path, 'Must be an object');
    return undefined;
  }
  const name = readString(errors, raw, 'name', `${path}.name`, { required: true, min: 1 });
  const id = readString(errors, raw, 'id', `${path}.id`, { required: true, min: 1 });
  const totalAmount = readInt(errors, raw, 'totalAmount', `${path}.totalAmount`, { required: true });
  const totalAmountExcludingTax = readInt(errors, raw, 'totalAmountExcludingTax', `${path}.totalAmountExcludingTax`, { required: true });
  const totalTaxAmount = readInt(errors, raw, 'totalTaxAmount', `${path}.totalTaxAmount`, { required: true });
  const taxRate = readInt(errors, raw, 'taxRate', `${path}.taxRate`, { min: 0, max: 10_000 });
  const taxPercentage = readInt(errors, raw, 'taxPercentage', `${path}.taxPercentage`, { min: 0, max: 100 });
  if (raw['taxRate'] == null && raw['taxPercentage'] == null) errors.add(`${path}.taxRate`, 'Is required (or the deprecated taxPercentage)');
  const discount = readInt(errors, raw, 'discount', `${path}.discount`, { min: 0 });
  const isReturn = readBoolean(errors, raw, 'isReturn', `${path}.isReturn`) ?? false;
  const isShipping = readBoolean(errors, raw, 'isShipping', `${path}.isShipping`) ?? false;
  readString(errors, raw, 'productUrl', `${path}.productUrl`, { nullable: true });
  let unitInfo: OrderLine['unitInfo'];
  const unit = readObject(errors, raw, 'unitInfo', `${path}.unitInfo`);
  if (unit) {
    if (!('unitPrice' in unit)) errors.add(`${path}.unitInfo.unitPrice`, 'Is required');
    const unitPrice = readInt(errors, unit, 'unitPrice', `${path}.unitInfo.unitPrice`, { min: 0 });
    const quantity = readString(errors, unit, 'quantity', `${path}.unitInfo.quantity`, { required: true, max: 10, pattern: QUANTITY, patternReason: 'Must be a whole or decimal number as text, e.g. "2" or "0.822"' });
    const quantityUnit = readEnum(errors, unit, 'quantityUnit', `${path}.unitInfo.quantityUnit`, quantityUnits) ?? 'PCS';
    if (quantity !== undefined) unitInfo = { unitPrice: unitPrice ?? null, quantity, quantityUnit };
  }
  if (name === undefined || id === undefined || totalAmount === undefined || totalAmountExcludingTax === undefined || totalTaxAmount === undefined) return undefined;
  const rate = taxRate ?? (taxPercentage !== undefined ? taxPercentage * 100 : undefined);
  if (rate === undefined) return undefined;
  return { name, id, totalAmount, totalAmountExcludingTax, totalTaxAmount, taxRate: rate, isReturn, isShipping, ...(unitInfo ? { unitInfo } : {}), ...(discount !== undefined ? { discount } : {}) };
}

/** What a careful till would never send; shown, never refused (see the header). */
export function receiptWarnings(valid: ValidCreatePayment): string[] {
  const receipt = valid.receipt;
  if (!receipt) return [];
  const warnings: string[] = [];
  receipt.orderLines.forEach((line, i) => {
    if (line.totalAmountExcludingTax + line.totalTaxAmount !== line.totalAmount) {
      warnings.push(`Order line ${i + 1} (${line.name}): totalAmountExcludingTax ${line.totalAmountExcludingTax} + totalTaxAmount ${line.totalTaxAmount} ≠ totalAmount ${line.totalAmount}`);
    }
  });
  const sum = receipt.orderLines.reduce((total, line) => total + (line.isReturn ? -line.totalAmount : line.totalAmount), 0) + (receipt.bottomLine.tipAmount ?? 0);
  if (sum !== valid.amount.value) warnings.push(`The order lines${receipt.bottomLine.tipAmount ? ' and the tip' : ''} add up to ${sum}, but the payment is for ${valid.amount.value}`);
  if (receipt.bottomLine.currency !== valid.amount.currency) warnings.push(`bottomLine.currency ${receipt.bottomLine.currency} differs from the payment's ${valid.amount.currency}`);
  return warnings;
}

/** `{modificationAmount: {currency, value}}` for capture and refund; the currency must be the payment's. */
export function validateModification(body: unknown, currency: Currency): number {
  const obj = requireObject(body);
  const errors = new FieldErrors();
  const amount = readAmount(errors, obj, 'modificationAmount', 'modificationAmount');
  if (amount && amount.currency !== currency) errors.add('modificationAmount.currency', `Must be ${currency}, the currency of the payment`);
  if (amount && amount.value === 0) errors.add('modificationAmount.value', 'Must be greater than 0');
  if (errors.list.length > 0) throw validationProblem(errors.list);
  return amount!.value;
}

/** Cancel's optional body `{cancelTransactionOnly?: boolean}`. */
export function validateCancel(body: unknown): { cancelTransactionOnly: boolean } {
  if (body === undefined) return { cancelTransactionOnly: false };
  const obj = requireObject(body);
  const errors = new FieldErrors();
  const only = readBoolean(errors, obj, 'cancelTransactionOnly', 'cancelTransactionOnly');
  if (errors.list.length > 0) throw validationProblem(errors.list);
  return { cancelTransactionOnly: only ?? false };
}

/** Force approve: `{customer: {phoneNumber}}` or `{token}` (the one in the create response's redirectUrl). */
export function validateForceApprove(body: unknown): { phoneNumber?: string; token?: string } {
  const obj = requireObject(body);
  const errors = new FieldErrors();
  const token = readString(errors, obj, 'token', 'token', { min: 1 });
  const customer = readCustomer(errors, obj);
  if (errors.list.length > 0) throw validationProblem(errors.list);
  if (customer && !('phoneNumber' in customer)) throw validationProblem([{ name: 'customer', reason: 'Force approve takes customer.phoneNumber' }]);
  if (!customer && token === undefined) throw validationProblem([{ name: 'customer', reason: 'Send customer.phoneNumber or token' }]);
  return { ...(customer ? { phoneNumber: customer.phoneNumber } : {}), ...(token !== undefined ? { token } : {}) };
}

function requireObject(body: unknown): Json {
  if (!isObject(body)) throw validationProblem([{ name: 'body', reason: 'Must be a JSON object' }], 'The request body must be a JSON object.');
  return body;
}
