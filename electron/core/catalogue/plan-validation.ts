import { because } from '../../../shared/reasons';
import type { z } from 'zod';
import { productSchema, type Product } from '../../../shared/product';
import { planSchema, PRODUCT_NAME_MAX, type Plan, type RejectedPlan } from '../../../shared/catalogue';
import { MAX_PRICE, type Currency } from '../../../shared/money';

/**
 * Splits raw catalogue entries into plans Kassa can sell and entries it refuses, each with a reason
 * a manager can pass on to whoever maintains the billing backend.
 */
export function validatePlans(entries: unknown[], shopCurrency: Currency): { items: Plan[]; rejected: RejectedPlan[] } {
  return validateEntries(entries, planSchema, shopCurrency, 'plan');
}

export function validateProducts(entries: unknown[], shopCurrency: Currency): { items: Product[]; rejected: RejectedPlan[] } {
  return validateEntries(entries, productSchema, shopCurrency, 'product');
}

function validateEntries<T extends { id: string; currency: Currency }>(
  entries: unknown[],
  schema: z.ZodType<T>,
  shopCurrency: Currency,
  noun: string,
): { items: T[]; rejected: RejectedPlan[] } {
  const items: T[] = [];
  const rejected: RejectedPlan[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const id = stringField(entry, 'id') ?? `#${index + 1}`;
    const name = stringField(entry, 'name') ?? '(no name)';
    const parsed = schema.safeParse(entry);
    // The first problem, but a missing VAT rate last: an entry with others is told those first.
    const missingRate = (i: z.core.$ZodIssue) => i.path.length === 1 && i.path[0] === 'vatRate' && !hasField(entry, 'vatRate');
    const issue = parsed.success ? undefined : (parsed.error.issues.find((i) => !missingRate(i)) ?? parsed.error.issues[0]);
    if (issue && missingRate(issue)) {
      // Its own reason, not "incomplete": without a rate the till cannot put the sale's VAT on the
      // Z-report, so it refuses the entry rather than guess one (no country-wide default).
      rejected.push({ id, name, reason: `The ${noun} has no VAT rate (vatRate), so its VAT cannot be reported. Add it in the billing system.`, problem: because('VAT_RATE_MISSING') });
    } else if (!parsed.success) {
      rejected.push({ id, name, reason: describeIssue(issue), problem: because('ENTRY_INVALID', { detail: describeIssue(issue) }) });
    } else if (parsed.data.currency !== shopCurrency) {
      rejected.push({ id, name, reason: `Priced in ${parsed.data.currency}, but this shop takes ${shopCurrency}.`, problem: because('CURRENCY_NOT_SHOPS', { itemCurrency: parsed.data.currency, shopCurrency }) });
    } else if (seen.has(parsed.data.id)) {
      rejected.push({ id, name, reason: `Another ${noun} in the catalogue has the same id.`, problem: because('DUPLICATE_ID', { id }) });
    } else {
      seen.add(parsed.data.id);
      items.push(parsed.data);
    }
  });
  return { items, rejected };
}

/** Whether the entry has the field at all (a wrong value is ENTRY_INVALID, as for any field). */
function hasField(entry: unknown, key: string): boolean {
  return typeof entry === 'object' && entry !== null && (entry as Record<string, unknown>)[key] !== undefined;
}

function stringField(entry: unknown, key: string): string | null {
  if (typeof entry !== 'object' || entry === null) return null;
  const value = (entry as Record<string, unknown>)[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

const AMOUNT_FIELDS = new Set(['amount', 'suggestedMaxAmount', 'price', 'unitPrice']);

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'The entry is not a valid plan.';
  // A union (the plan's interval) that matched no branch: say what the first branch missed.
  if (issue.code === 'invalid_union' && issue.errors[0]?.[0]) {
    const inner = issue.errors[0][0];
    return describeIssue({ ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue);
  }
  const field = issue.path.join('.');
  const last = String(issue.path.at(-1) ?? '');
  if (last === 'interval' && issue.code === 'unrecognized_keys') return 'A FLEXIBLE interval has no unit or count: send {"type": "FLEXIBLE"} alone.';
  if (last === 'name' && issue.code === 'too_big') {
    const max = 'maximum' in issue ? Number(issue.maximum) : PRODUCT_NAME_MAX;
    return `The name is longer than ${max} characters, the most Vipps MobilePay accepts.`;
  }
  if (last === 'vatRate') return 'vatRate must be a whole number of basis points from 0 to 10000 (2500 = 25 %).';
  if (last === 'name') return 'The plan has no name.';
  if (AMOUNT_FIELDS.has(last)) {
    return `${field} must be a positive whole number of minor units (øre/cents), at most ${MAX_PRICE} (1 000 000.00).`;
  }
  if (issue.code === 'too_big' && 'maximum' in issue) return `${field} is longer than ${String(issue.maximum)} characters.`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return `${field || 'The entry'} is missing.`;
  return `${field || 'The entry'}: ${issue.message}.`;
}
