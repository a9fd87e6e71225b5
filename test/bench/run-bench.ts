import { resolve } from 'node:path';
import { measureApprovalLatency } from './approval-latency';
import { report, type Metric } from './bench-kit';
import { measurePollingRate } from './polling-rate';
import { measureClientOverhead, measurePaymentLatency } from './payment-latency';
import { measureCommit, measureDrain } from './outbox-bench';
import { measureReports } from './report-bench';
import { measureCustomerLookup } from './customer-lookup';
import { measureCashRounding } from './cash-rounding-bench';

/** `npm run bench [-- --out FILE]`: measures against the sandbox, prints a table, writes JSON. */
async function main(argv: string[]): Promise<void> {
  const outIndex = argv.indexOf('--out');
  const outFile = resolve(outIndex >= 0 && argv[outIndex + 1] ? argv[outIndex + 1]! : 'bench-results.json');
  const metrics: Metric[] = [];
  console.log('Measuring commits of a sale with its outbox item (synchronous FULL and NORMAL)…');
  metrics.push(...(await measureCommit()));
  console.log('Measuring the drain of 10,000 queued sales to the billing sandbox…');
  metrics.push(...(await measureDrain()));
  console.log('Measuring the day view, the Z-report and a page of the sales list on a day of 100,000 sales…');
  metrics.push(...(await measureReports()));
  console.log('Measuring migration 0140 and the day\'s cash rounding on 100,000 sales…');
  metrics.push(...(await measureCashRounding()));
  console.log('Measuring the customer lookup: phone → subscriber with 3 live agreements…');
  metrics.push(...(await measureCustomerLookup()));
  console.log('Measuring the polling rate per agreement (simulated 10 minutes)…');
  metrics.push(...(await measurePollingRate()));
  console.log('Measuring approval-to-screen latency (real time, ~30 s)…');
  metrics.push(...(await measureApprovalLatency()));
  console.log('Measuring payment approval-to-captured latency (real time, ~30 s)…');
  metrics.push(...(await measurePaymentLatency()));
  console.log('Measuring capture latency and the ePayment client overhead…');
  metrics.push(...(await measureClientOverhead()));
  console.log('');
  const ok = report(metrics, outFile);
  if (!ok) process.exitCode = 1;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
