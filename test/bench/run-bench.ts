import { resolve } from 'node:path';
import { measureApprovalLatency } from './approval-latency';
import { report, type Metric } from './bench-kit';
import { measurePollingRate } from './polling-rate';
import { measureClientOverhead, measurePaymentLatency } from './payment-latency';
import { measureCommit, measureDrain } from './outbox-bench';
import { measureReports } from './report-bench';
import { measureCustomerLookup } from './customer-lookup';
import { measureCashRounding } from './cash-rounding-bench';

/** Each bench by the name `--only` takes, what it says while it runs, and how it runs. */
const benches: Array<{ name: string; says: string; run: () => Promise<Metric[]> }> = [
  { name: 'commit', says: 'Measuring commits of a sale with its outbox item (synchronous FULL and NORMAL)…', run: measureCommit },
  { name: 'drain', says: 'Measuring the drain of 10,000 queued sales to the billing sandbox…', run: measureDrain },
  { name: 'reports', says: 'Measuring the day view, the Z-report and a page of the sales list on a day of 100,000 sales…', run: measureReports },
  { name: 'rounding', says: "Measuring migration 0140 and the day's cash rounding on 100,000 sales…", run: measureCashRounding },
  { name: 'lookup', says: 'Measuring the customer lookup: phone → subscriber with 3 live agreements…', run: measureCustomerLookup },
  { name: 'polling', says: 'Measuring the polling rate per agreement (simulated 10 minutes)…', run: measurePollingRate },
  { name: 'approval', says: 'Measuring approval-to-screen latency (real time, ~30 s)…', run: measureApprovalLatency },
  { name: 'payment', says: 'Measuring payment approval-to-captured latency (real time, ~30 s)…', run: measurePaymentLatency },
  { name: 'overhead', says: 'Measuring capture latency and the ePayment client overhead…', run: measureClientOverhead },
];

/**
 * `npm run bench [-- --out FILE] [-- --only reports,lookup]`: measures against the sandbox, prints
 * a table, writes JSON. `--only` runs the named benches alone (while working on one part).
 */
async function main(argv: string[]): Promise<void> {
  const outIndex = argv.indexOf('--out');
  const outFile = resolve(outIndex >= 0 && argv[outIndex + 1] ? argv[outIndex + 1]! : 'bench-results.json');
  const onlyIndex = argv.indexOf('--only');
  const only = onlyIndex >= 0 ? (argv[onlyIndex + 1] ?? '').split(',').filter(Boolean) : null;
  const unknown = (only ?? []).filter((name) => !benches.some((b) => b.name === name));
  if (unknown.length > 0) throw new Error(`No bench named ${unknown.join(', ')}; there are ${benches.map((b) => b.name).join(', ')}.`);
  const metrics: Metric[] = [];
  for (const bench of benches.filter((b) => only === null || only.includes(b.name))) {
    console.log(bench.says);
    metrics.push(...(await bench.run()));
  }
  console.log('');
  const ok = report(metrics, outFile);
  if (!ok) process.exitCode = 1;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
