import type { Database } from 'better-sqlite3';
import { migration0010InitialSchema } from './0010-initial-schema';
import { migration0020OneOffSales } from './0020-one-off-sales';
import { migration0030Outbox } from './0030-outbox';
import { migration0040ClientRequests } from './0040-client-requests';
import { migration0050StaffAndAudit } from './0050-staff-and-audit';
import { migration0060ReportFacts } from './0060-report-facts';
import { migration0070DrawerAndZReports } from './0070-drawer-and-z-reports';
import { migration0110StaffLanguage } from './0110-staff-language';
import { migration0080OutboxZReports } from './0080-outbox-z-reports';
import { migration0090AgreementOperations } from './0090-agreement-operations';
import { migration0100AgreementIntentions } from './0100-agreement-intentions';
import { migration0120ReportRollups } from './0120-report-rollups';
import { migration0130SignupGaps } from './0130-signup-gaps';
import { migration0140CashRounding } from './0140-cash-rounding';

export interface Migration {
  /** Steps of 10 leave room for a fix-up between two shipped migrations. */
  version: number;
  name: string;
  up(db: Database): void;
  /**
   * Run with foreign keys off, as SQLite's own procedure for rebuilding a table that others refer
   * to has it (sqlite.org/lang_altertable.html, "other kinds of table schema changes"): with them
   * on, dropping the parent checks every child row against it, and putting the rows back checks
   * them again (4 s of CPU for 100 000 sales, against 0.4 s). Such a migration checks what it
   * touched itself (rebuildTable does); migrate() turns them on again after the transaction.
   */
  foreignKeysOff?: boolean;
}

/** Every migration ever shipped, in order. Never edit one that has shipped: add the next. */
export const MIGRATIONS: readonly Migration[] = [
  migration0010InitialSchema, migration0020OneOffSales, migration0030Outbox, migration0040ClientRequests,
  migration0050StaffAndAudit,
  migration0060ReportFacts,
  migration0070DrawerAndZReports,
  migration0080OutboxZReports,
  migration0090AgreementOperations,
  migration0100AgreementIntentions,
  migration0110StaffLanguage,
  migration0120ReportRollups,
  migration0130SignupGaps,
  migration0140CashRounding,
];
