import { writeFileSync } from 'node:fs';

export interface Metric {
  name: string;
  value: number;
  unit: string;
  /** "<= N" or ">= N", in the metric's unit. */
  budget: string;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) throw new Error('no samples');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

export function withinBudget(metric: Metric): boolean {
  const match = /^(<=|>=)\s*(-?[\d.]+)$/.exec(metric.budget);
  if (!match) throw new Error(`Bad budget ${metric.budget}`);
  const limit = Number(match[2]);
  return match[1] === '<=' ? metric.value <= limit : metric.value >= limit;
}

export function report(metrics: Metric[], outFile: string): boolean {
  const rows = metrics.map((m) => [m.name, String(m.value), m.unit, m.budget, withinBudget(m) ? 'ok' : 'OVER BUDGET']);
  const header = ['metric', 'value', 'unit', 'budget', 'verdict'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((r) => console.log(line(r)));
  writeFileSync(outFile, JSON.stringify(metrics, null, 2) + '\n');
  console.log(`\nWrote ${outFile}`);
  return metrics.every(withinBudget);
}
