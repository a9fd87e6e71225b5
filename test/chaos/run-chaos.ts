import { runChaos } from './chaos-run';

/** `npm run test:chaos [-- --sales N --tills N --seed N]`: the long run (5,000 sales by default). */
async function main(argv: string[]): Promise<void> {
  const flag = (name: string, fallback: number) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  const report = await runChaos({ sales: flag('sales', 5_000), tills: flag('tills', 4), seed: flag('seed', Date.now() % 100_000), log: console.log });
  console.log(JSON.stringify(report, null, 2));
  console.log(`sales ${report.sales.total}, faults injected ${report.faultsInjected}, kills ${report.kills}, retries ${report.retries}, duplicates found: ${report.duplicatesFound}, refunds ${report.refunds}, answers dropped ${report.answersDropped}, double refunds ${report.doubleRefunds}`);
  if (report.violations.length > 0 || report.duplicatesFound > 0) process.exit(1);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
