import type { Database } from 'better-sqlite3';
import { StatementCache } from '../statement-cache';
import { takeReceiptNumber } from './receipt-counter';
import { z } from 'zod';
import { soldPlanSchema, type Plan } from '../../../../shared/catalogue';
import type { PhoneCountry } from '../../../../shared/phone';
import { appErrorSchema, type AppError } from '../../../../shared/result';
import { CorruptRowError, parseJsonColumn, parseRow, parseRows, staffRef } from './row-parsing';
import type { StaffRef } from '../../../../shared/staff';

export { CorruptRowError };
import {
  profileScopeSchema,
  sharedProfileSchema,
  subscriptionStatusSchema,
  type ProfileScope,
  type SharedProfile,
  type SubscriptionSale,
  type SubscriptionStatus,
} from '../../../../shared/subscription';

/** A sale as stored, with the keys the renderer never sees. */
export interface StoredSubscriptionSale extends SubscriptionSale {
  keys: { create: string; stop: string; capture: string };
  createAttempts: number;
}

export interface NewSubscriptionSale {
  id: string;
  /** The receipt number is taken from this till's counter in the same statement group as the insert. */
  tillId: string;
  createdAt: number;
  plan: Plan;
  phone: { country: PhoneCountry; msisdn: string };
  profileScopes: ProfileScope[];
  keys: { create: string; stop: string; capture: string };
  cashier: StaffRef | null;
}

export type SubscriptionSalePatch = Partial<{
  status: SubscriptionStatus;
  agreementId: string | null;
  confirmationUrl: string | null;
  expiresAt: number | null;
  initialCharge: { chargeId: string | null; status: string | null } | null;
  profile: SharedProfile | null;
  problem: AppError | null;
  outcomeReason: SubscriptionSale['outcomeReason'];
  cancelRequested: boolean;
  createAttempts: number;
}>;

const rowSchema = z.object({
  id: z.string(),
  created_at: z.number().int(),
  updated_at: z.number().int(),
  plan_json: z.string(),
  phone_country: z.enum(['NO', 'DK', 'FI']),
  msisdn: z.string(),
  profile_scopes: z.string(),
  status: subscriptionStatusSchema,
  create_key: z.string(),
  stop_key: z.string(),
  capture_key: z.string(),
  agreement_id: z.string().nullable(),
  confirmation_url: z.string().nullable(),
  expires_at: z.number().int().nullable(),
  initial_charge_id: z.string().nullable(),
  initial_charge_status: z.string().nullable(),
  profile_json: z.string().nullable(),
  problem_json: z.string().nullable(),
  outcome_reason: z.enum(['initial-charge-failed', 'cancelled-by-cashier']).nullable(),
  cancel_requested: z.union([z.literal(0), z.literal(1)]),
  create_attempts: z.number().int(),
  cashier_id: z.string().nullable(),
  cashier_name: z.string().nullable(),
  receipt_number: z.string().nullable(),
});
type Row = z.infer<typeof rowSchema>;

const OPEN_STATUSES = "('requested', 'pending', 'capturing')";

/** SQLite access for subscription sales. Every write is one statement, so each is atomic on its own. */
export class SubscriptionSaleRepo {
  private readonly sql: StatementCache;

  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {
    this.sql = new StatementCache(db);
  }

  insert(sale: NewSubscriptionSale): StoredSubscriptionSale {
    this.sql
      .get(
        `INSERT INTO subscription_sales
          (id, created_at, updated_at, plan_json, phone_country, msisdn, profile_scopes, status,
           create_key, stop_key, capture_key, initial_charge_status, cashier_id, cashier_name, initial_charge_amount, receipt_number, initial_charge_vat_rate)
         VALUES (@id, @createdAt, @createdAt, @plan, @country, @msisdn, @scopes, 'requested',
           @createKey, @stopKey, @captureKey, NULL, @cashierId, @cashierName, @initialAmount, @receiptNumber, @initialVatRate)`,
      )
      .run({
        id: sale.id,
        createdAt: sale.createdAt,
        plan: JSON.stringify(sale.plan),
        country: sale.phone.country,
        msisdn: sale.phone.msisdn,
        scopes: sale.profileScopes.join(' '),
        createKey: sale.keys.create,
        stopKey: sale.keys.stop,
        captureKey: sale.keys.capture,
        cashierId: sale.cashier?.id ?? null,
        cashierName: sale.cashier?.name ?? null,
        initialAmount: sale.plan.initialCharge?.amount ?? null,
        receiptNumber: takeReceiptNumber(this.sql, sale.tillId),
        // The VAT of the initial charge goes on the reports at the plan's rate.
        initialVatRate: sale.plan.initialCharge ? sale.plan.vatRate : null,
      });
    this.recordEvent(sale.id, 'requested', sale.createdAt, sale.cashier);
    return this.get(sale.id)!;
  }

  get(id: string): StoredSubscriptionSale | null {
    const row = this.sql.get('SELECT * FROM subscription_sales WHERE id = ?').get(id);
    return row ? toSale(row) : null;
  }

  /**
   * Sales the till still has to drive to a final state, oldest first. A damaged row is reported to
   * `onCorrupt` and skipped, so one bad row cannot stop the till from finishing every other sale.
   */
  listOpen(onCorrupt: (error: CorruptRowError) => void = () => undefined): StoredSubscriptionSale[] {
    return parseRows(this.sql.get(`SELECT * FROM subscription_sales WHERE status IN ${OPEN_STATUSES} ORDER BY created_at`).all(), toSale, onCorrupt);
  }

  /** Sign-ups made since `since` (epoch ms), newest first: "Today's sales" lists them beside the goods. */
  listSince(since: number, limit: number, onCorrupt: (error: CorruptRowError) => void = () => undefined): StoredSubscriptionSale[] {
    return parseRows(this.sql.get('SELECT * FROM subscription_sales WHERE created_at >= ? ORDER BY created_at DESC LIMIT ?').all(since, limit), toSale, onCorrupt);
  }

  /**
   * One change to a sale. A change of status is appended to its timeline in the same transaction;
   * the first move past pending (the customer approved) stamps approved_at for the reports.
   */
  update(id: string, patch: SubscriptionSalePatch): StoredSubscriptionSale {
    return this.db.transaction(() => {
      const before = patch.status === undefined ? undefined : (this.sql.get('SELECT status FROM subscription_sales WHERE id = ?').get(id) as { status: SubscriptionStatus } | undefined);
      const updated = this.applyPatch(id, patch);
      if (before && patch.status !== undefined && before.status !== patch.status) {
        this.recordEvent(id, patch.status, updated.updatedAt, null);
        if (patch.status === 'capturing' || patch.status === 'active') {
          this.sql.get('UPDATE subscription_sales SET approved_at = COALESCE(approved_at, ?) WHERE id = ?').run(updated.updatedAt, id);
        }
      }
      return updated;
    })();
  }

  private recordEvent(saleId: string, status: SubscriptionStatus, at: number, actor: StaffRef | null): void {
    this.sql
      .get("INSERT INTO sale_events (subject_kind, subject_id, at, status, actor_id, actor_name) VALUES ('agreement', ?, ?, ?, ?, ?)")
      .run(saleId, at, status, actor?.id ?? null, actor?.name ?? null);
  }

  private applyPatch(id: string, patch: SubscriptionSalePatch): StoredSubscriptionSale {
    const columns: Record<string, unknown> = { updated_at: this.now() };
    if (patch.status !== undefined) columns.status = patch.status;
    if (patch.agreementId !== undefined) columns.agreement_id = patch.agreementId;
    if (patch.confirmationUrl !== undefined) columns.confirmation_url = patch.confirmationUrl;
    if (patch.expiresAt !== undefined) columns.expires_at = patch.expiresAt;
    if (patch.initialCharge !== undefined) {
      columns.initial_charge_id = patch.initialCharge?.chargeId ?? null;
      columns.initial_charge_status = patch.initialCharge?.status ?? null;
    }
    if (patch.profile !== undefined) columns.profile_json = patch.profile ? JSON.stringify(patch.profile) : null;
    if (patch.problem !== undefined) columns.problem_json = patch.problem ? JSON.stringify(patch.problem) : null;
    if (patch.outcomeReason !== undefined) columns.outcome_reason = patch.outcomeReason;
    if (patch.cancelRequested !== undefined) columns.cancel_requested = patch.cancelRequested ? 1 : 0;
    if (patch.createAttempts !== undefined) columns.create_attempts = patch.createAttempts;
    const assignments = Object.keys(columns).map((column) => `${column} = @${column}`);
    const result = this.sql
      .get(`UPDATE subscription_sales SET ${assignments.join(', ')} WHERE id = @id`)
      .run({ ...columns, id });
    if (result.changes !== 1) throw new Error(`Subscription sale ${id} does not exist`);
    return this.get(id)!;
  }
}

function toSale(raw: unknown): StoredSubscriptionSale {
  const row: Row = parseRow('subscription_sales', raw, rowSchema);
  return {
    id: row.id,
    receiptNumber: row.receipt_number,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    plan: parseJsonColumn('subscription_sales', row.id, 'plan_json', row.plan_json, soldPlanSchema),
    phone: { country: row.phone_country, msisdn: row.msisdn },
    profileScopes: parseScopes(row.id, row.profile_scopes),
    status: row.status,
    agreementId: row.agreement_id,
    confirmationUrl: row.confirmation_url,
    expiresAt: row.expires_at,
    initialCharge:
      row.initial_charge_id !== null || row.initial_charge_status !== null
        ? { chargeId: row.initial_charge_id, status: row.initial_charge_status }
        : null,
    profile: row.profile_json === null ? null : parseJsonColumn('subscription_sales', row.id, 'profile_json', row.profile_json, sharedProfileSchema),
    problem: row.problem_json === null ? null : parseJsonColumn('subscription_sales', row.id, 'problem_json', row.problem_json, appErrorSchema),
    outcomeReason: row.outcome_reason,
    cancelRequested: row.cancel_requested === 1,
    keys: { create: row.create_key, stop: row.stop_key, capture: row.capture_key },
    createAttempts: row.create_attempts,
    cashier: staffRef(row.cashier_id, row.cashier_name),
  };
}

function parseScopes(id: string, text: string): ProfileScope[] {
  if (text === '') return [];
  return text.split(' ').map((scope) => {
    const parsed = profileScopeSchema.safeParse(scope);
    if (!parsed.success) throw new CorruptRowError('subscription_sales', id, `unknown profile scope "${scope}"`);
    return parsed.data;
  });
}

/** The view the renderer gets: everything but the idempotency keys. */
export function toSaleView(sale: StoredSubscriptionSale): SubscriptionSale {
  const { keys: _keys, createAttempts: _attempts, ...view } = sale;
  return view;
}
