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

export interface Migration {
  /** Steps of 10 leave room for a fix-up between two shipped migrations. */
  version: number;
  name: string;
  up(db: Database): void;
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
];
