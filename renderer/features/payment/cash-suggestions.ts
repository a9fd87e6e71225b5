import { minorUnitDigits, type Currency } from '../../../shared/money';

/** Notes a customer hands over, in major units. */
const notes: Record<Currency, readonly number[]> = {
  NOK: [50, 100, 200, 500, 1000],
  DKK: [50, 100, 200, 500, 1000],
  EUR: [5, 10, 20, 50, 100, 200],
};

/**
 * The round amounts a customer is likely to hand over for `total` (minor units): the next
 * multiple of each note above the total, smallest first. Integers only.
 */
export function cashSuggestions(total: number, currency: Currency, count = 3): number[] {
  const scale = 10 ** minorUnitDigits[currency];
  const amounts = new Set<number>();
  for (const note of notes[currency]) {
    const unit = note * scale;
    const next = total - (total % unit) + unit;
    if (next > total) amounts.add(next);
  }
  return [...amounts].sort((a, b) => a - b).slice(0, count);
}
