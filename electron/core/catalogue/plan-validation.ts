import type { z } from 'zod';
import { planSchema, PRODUCT_NAME_MAX, type Plan, type RejectedPlan } from '../../../shared/catalogue';
import type { Currency } from '../../../shared/money';

/**
 * Splits raw catalogue entries into plans Kassa can sell and entries it refuses, each with a reason
 * a manager can pass on to whoever maintains the billing backend.
 */
export function validatePlans(entries: unknown[], shopCurrency: Currency): { plans: Plan[]; rejected: RejectedPlan[] } {
  const plans: Plan[] = [];
  const rejected: RejectedPlan[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const id = stringField(entry, 'id') ?? `#${index + 1}`;
    const name = stringField(entry, 'name') ?? '(no name)';
    const parsed = planSchema.safeParse(entry);
    if (!parsed.success) {
      rejected.push({ id, name, reason: describeIssue(parsed.error.issues[0]) });
    } else if (parsed.data.currency !== shopCurrency) {
      rejected.push({ id, name, reason: `Priced in ${parsed.data.currency}, but this shop takes ${shopCurrency}.` });
    } else if (seen.has(parsed.data.id)) {
      rejected.push({ id, name, reason: 'Another plan in the catalogue has the same id.' });
    } else {
      seen.add(parsed.data.id);
      plans.push(parsed.data);
    }
  });
  return { plans, rejected };
}

function stringField(entry: unknown, key: string): string | null {
  if (typeof entry !== 'object' || entry === null) return null;
  const value = (entry as Record<string, unknown>)[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

const AMOUNT_FIELDS = new Set(['amount', 'suggestedMaxAmount', 'price']);

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'The entry is not a valid plan.';
  const field = issue.path.join('.');
  const last = String(issue.path.at(-1) ?? '');
  if (last === 'name' && issue.code === 'too_big') {
    return `The name is longer than ${PRODUCT_NAME_MAX} characters, the most Vipps MobilePay accepts.`;
  }
  if (last === 'name') return 'The plan has no name.';
  if (AMOUNT_FIELDS.has(last)) {
    return `${field} must be a positive whole number of minor units (øre/cents).`;
  }
  if (issue.code === 'too_big' && 'maximum' in issue) return `${field} is longer than ${String(issue.maximum)} characters.`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return `${field || 'The entry'} is missing.`;
  return `${field || 'The entry'}: ${issue.message}.`;
}
