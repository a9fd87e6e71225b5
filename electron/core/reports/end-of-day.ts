import { because } from '../../../shared/reasons';
import { randomUUID } from 'node:crypto';
import type { Currency } from '../../../shared/money';
import { KassaError } from '../../../shared/result';
import type { CashCount, CloseDayRequest, Drawer, DrawerMoveRequest, EndOfDayReport, ZReportSummary } from '../../../shared/reports';
import type { StaffRef } from '../../../shared/staff';
import type { AuditLog } from '../audit/audit-log';
import type { Intention } from '../intentions/intention-ledger';
import type { ReportSink } from '../outbox/report-sink';
import { zReportReport } from '../outbox/reports';
import type { Clock } from '../platform/clock';
import type { CallContext } from '../staff/staff-service';
import { periodFiguresOnly, type PeriodFiguresQuery } from './period-figures';
import type { ZReportRepo } from './z-report-repo';

export interface EndOfDayDeps {
  repo: ZReportRepo;
  figures: PeriodFiguresQuery;
  reports: ReportSink;
  audit: AuditLog;
  clock: Clock;
  tillId: string;
  currency: Currency;
  /** Reports that have not reached the billing backend yet (waiting or refused). */
  unsynced(): number;
}

/**
 * The cash drawer and the end of the day. A period runs from the previous Z-report (or the till's
 * first sale) to now: that, not the calendar day, is what a Z closes, as on any till; a refund made
 * after a close belongs to the next period, so a closed period never changes.
 */
export class EndOfDay {
  constructor(private readonly deps: EndOfDayDeps) {}

  drawer(): Drawer {
    return this.drawerFor(this.periodStart(), this.periodEnd());
  }

  /**
   * Periods are half-open, [start, end), and a period ends just after the current millisecond, so
   * whatever was recorded up to this moment is in it. (Something recorded in the very millisecond
   * of a close, after it, would be in the closed window: with a real clock a sale and a close in
   * the same millisecond do not happen, and the Z keeps what it counted either way.)
   */
  private periodEnd(): number {
    return this.deps.clock.now() + 1;
  }

  move(request: DrawerMoveRequest, intention: Intention): Drawer {
    this.deps.reports.transaction(() => {
      const id = randomUUID();
      this.deps.repo.insertMovement({
        id,
        at: this.deps.clock.now(),
        kind: request.kind,
        amount: request.amount,
        currency: this.deps.currency,
        reason: request.reason,
        by: intention.by,
        approver: intention.approvedBy,
      });
      intention.record(id);
    });
    return this.drawer();
  }

  /** The X-report: the same figures as a Z would show now, not numbered, nothing closed. Journalled. */
  x(context: CallContext): EndOfDayReport {
    const report = this.build({ type: 'X', to: this.periodEnd(), closedBy: ref(context.actor), count: null, unsynced: this.deps.unsynced(), confirmUnsynced: false });
    this.deps.audit.record({ action: 'zreport.x', actor: context.actor, approver: context.approver, after: { net: report.totals.net, expected: report.drawer.expected } });
    return report;
  }

  /**
   * Closes the period: the next Z-report, numbered without gaps, with the counted cash and the
   * difference, written once (the table refuses changes) and sent to the billing backend through
   * the outbox in the same transaction. With reports still waiting to sync, only an explicit
   * confirmation closes (and the journal keeps it with the request).
   */
  close(request: CloseDayRequest, intention: Intention): EndOfDayReport {
    const unsynced = this.deps.unsynced();
    if (unsynced > 0 && request.confirmUnsynced !== true) {
      throw new KassaError(
        'SYNC_PENDING',
        `${unsynced} report${unsynced === 1 ? ' has' : 's have'} not reached the billing backend yet. Close anyway only if you know why.`,
        { confirmUnsynced: String(unsynced) },
        because('REPORTS_UNSYNCED', { count: unsynced }),
      );
    }
    const report = this.deps.reports.transaction(() => {
      const number = (this.deps.repo.last()?.number ?? 0) + 1;
      const id = `${this.deps.tillId.replace(/[^A-Za-z0-9_-]/g, '_')}-Z${String(number).padStart(6, '0')}`;
      const built = this.build({ type: 'Z', to: this.periodEnd(), closedBy: intention.by, count: request.count, unsynced, confirmUnsynced: request.confirmUnsynced === true });
      const closed = { ...built, id, number };
      this.deps.repo.insert(closed);
      // One queue for every Z of this till, so the backend hears of them in order.
      this.deps.reports.report('z-report', id, `z-report:${this.deps.tillId}`, zReportReport(closed));
      intention.record(id);
      return closed;
    });
    this.deps.reports.flush();
    return report;
  }

  /** What `close` answered, for a repeat of the same request. */
  closeAnswer(id: string): EndOfDayReport {
    const number = Number(/-Z(\d+)$/.exec(id)?.[1]);
    return this.get(number);
  }

  get(number: number): EndOfDayReport {
    const report = this.deps.repo.get(number);
    if (!report) throw new KassaError('NOT_FOUND', `There is no Z-report number ${number} on this till.`, undefined, because('Z_REPORT_NOT_FOUND', { number }));
    return report;
  }

  list(): ZReportSummary[] {
    return this.deps.repo.list();
  }

  private periodStart(): number {
    return this.deps.repo.last()?.closedAt ?? this.deps.repo.firstActivity(this.deps.clock.now());
  }

  private drawerFor(from: number, to: number, cash = this.deps.figures.figures(from, to).cash): Drawer {
    const movements = this.deps.repo.movements(from, to);
    const sum = (kind: 'float' | 'in' | 'out') => movements.filter((m) => m.kind === kind).reduce((total, m) => total + m.amount, 0);
    const float = sum('float');
    const cashIn = sum('in');
    const cashOut = sum('out');
    return {
      currency: this.deps.currency,
      periodStart: from,
      float,
      cashSales: cash.sales,
      cashRefunds: cash.refunds,
      cashRounding: cash.rounding,
      cashIn,
      cashOut,
      expected: float + cash.sales - cash.refunds + cash.rounding + cashIn - cashOut,
      movements,
    };
  }

  private build(options: { type: 'X' | 'Z'; to: number; closedBy: StaffRef | null; count: CashCount | null; unsynced: number; confirmUnsynced: boolean }): EndOfDayReport {
    const from = this.periodStart();
    const figures = this.deps.figures.figures(from, options.to);
    const { movements: _movements, ...drawer } = this.drawerFor(from, options.to, figures.cash);
    const counted = options.count ? countedCash(options.count) : null;
    const grandTotalBefore = this.deps.repo.last()?.grandTotal ?? 0;
    return {
      ...periodFiguresOnly(figures),
      type: options.type,
      id: null,
      number: null,
      tillId: this.deps.tillId,
      drawer,
      counted,
      cashDifference: counted ? counted.total - drawer.expected : null,
      grandTotalBefore,
      grandTotal: grandTotalBefore + figures.totals.net,
      unsynced: options.unsynced,
      confirmUnsynced: options.confirmUnsynced,
      closedBy: options.closedBy,
    };
  }
}

function countedCash(count: CashCount): { total: number; denominations: Array<{ value: number; count: number }> | null } {
  if ('total' in count) return { total: count.total, denominations: null };
  return { total: count.denominations.reduce((sum, d) => sum + d.value * d.count, 0), denominations: count.denominations };
}

const ref = (member: StaffRef | null): StaffRef | null => (member ? { id: member.id, name: member.name } : null);
