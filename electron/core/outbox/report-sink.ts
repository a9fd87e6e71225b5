import type { OutboxKind } from '../../../shared/sync';

/**
 * Where the sale flows put their reports for the billing backend. `transaction` runs a change and
 * its report as one SQLite transaction; `report` may only be called inside it; `flush` tells the
 * sync worker there is something new once the transaction has committed.
 */
export interface ReportSink {
  transaction<T>(change: () => T): T;
  report(kind: OutboxKind, subjectId: string, orderingKey: string, payload: unknown): void;
  flush(): void;
}
