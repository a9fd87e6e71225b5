import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { appErrorSchema, type AppError } from '../../../shared/result';
import { operationKindSchema, operationStatusSchema, type AgreementOperation, type OperationKind, type OperationStatus } from '../../../shared/agreements';
import type { StaffRef } from '../../../shared/staff';
import { StatementCache } from '../db/statement-cache';
import { parseJsonColumn, parseRow } from '../db/repos/row-parsing';
import { RefundFacts } from '../reports/refund-facts';

/** An operation as the till keeps it: the view plus the exact request it sends every time. */
export interface StoredOperation extends AgreementOperation {
  idempotencyKey: string;
  body: unknown;
  currency: string | null;
  attempts: number;
}

export interface NewOperation {
  id: string;
  kind: OperationKind;
  agreementId: string;
  idempotencyKey: string;
  body: unknown;
  planId?: string | null;
  previousPlanId?: string | null;
  reason?: string | null;
  chargeId?: string | null;
  amount?: number | null;
  currency?: string | null;
  by: StaffRef | null;
  approvedBy: StaffRef | null;
}

const row = z.object({
  id: z.string(),
  kind: operationKindSchema,
  agreement_id: z.string(),
  idempotency_key: z.string(),
  body_json: z.string(),
  status: operationStatusSchema,
  plan_id: z.string().nullable(),
  previous_plan_id: z.string().nullable(),
  reason: z.string().nullable(),
  charge_id: z.string().nullable(),
  amount: z.number().int().nullable(),
  currency: z.string().nullable(),
  attempts: z.number().int(),
  problem_json: z.string().nullable(),
  actor_id: z.string().nullable(),
  actor_name: z.string().nullable(),
  approver_id: z.string().nullable(),
  approver_name: z.string().nullable(),
  created_at: z.number().int(),
  updated_at: z.number().int(),
  accepted_at: z.number().int().nullable(),
});

export interface Registration {
  vippsAgreementId: string;
  billingAgreementId: string;
  subscriberId: string;
  accountId: string;
  registeredAt: string;
}

/** Agreement operations and billing registrations (migration 0090). */
export class AgreementOperationsRepo {
  private readonly sql: StatementCache;
  private readonly refundFacts: RefundFacts;

  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {
    this.sql = new StatementCache(db);
    this.refundFacts = new RefundFacts(db);
  }

  insert(op: NewOperation): StoredOperation {
    const at = this.now();
    this.sql
      .get(
        `INSERT INTO agreement_operations (id, kind, agreement_id, idempotency_key, body_json, status, plan_id, previous_plan_id, reason,
           charge_id, amount, currency, actor_id, actor_name, approver_id, approver_name, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'requested', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        op.id,
        op.kind,
        op.agreementId,
        op.idempotencyKey,
        JSON.stringify(op.body),
        op.planId ?? null,
        op.previousPlanId ?? null,
        op.reason ?? null,
        op.chargeId ?? null,
        op.amount ?? null,
        op.currency ?? null,
        op.by?.id ?? null,
        op.by?.name ?? null,
        op.approvedBy?.id ?? null,
        op.approvedBy?.name ?? null,
        at,
        at,
      );
    return this.get(op.id)!;
  }

  get(id: string): StoredOperation | null {
    const raw = this.sql.get('SELECT * FROM agreement_operations WHERE id = ?').get(id);
    return raw ? toOperation(raw) : null;
  }

  /** A change of state; a refund of a charge that is done is money paid back, written for the reports in the same transaction. */
  update(id: string, patch: { status?: OperationStatus; problem?: AppError | null; attempts?: number; acceptedAt?: number }): StoredOperation {
    const current = this.get(id)!;
    const at = this.now();
    this.db.transaction(() => {
      this.sql
        .get('UPDATE agreement_operations SET status = ?, problem_json = ?, attempts = ?, accepted_at = ?, updated_at = ? WHERE id = ?')
        .run(
          patch.status ?? current.status,
          patch.problem === undefined ? (current.problem ? JSON.stringify(current.problem) : null) : patch.problem ? JSON.stringify(patch.problem) : null,
          patch.attempts ?? current.attempts,
          patch.acceptedAt ?? current.acceptedAt,
          at,
          id,
        );
      if (patch.status === 'done' && current.kind === 'refund-charge') this.refundFacts.chargeRefunded(current, at);
    })();
    return this.get(id)!;
  }

  listOpen(): StoredOperation[] {
    return this.sql.get("SELECT * FROM agreement_operations WHERE status IN ('requested', 'accepted') ORDER BY created_at").all().map(toOperation);
  }

  /** The open operation on this agreement, if any: one change at a time per agreement. */
  openFor(agreementId: string): StoredOperation | null {
    const raw = this.sql.get("SELECT * FROM agreement_operations WHERE agreement_id = ? AND status IN ('requested', 'accepted') ORDER BY created_at LIMIT 1").get(agreementId);
    return raw ? toOperation(raw) : null;
  }

  lastFor(agreementId: string): StoredOperation | null {
    const raw = this.sql.get('SELECT * FROM agreement_operations WHERE agreement_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1').get(agreementId);
    return raw ? toOperation(raw) : null;
  }

  /** The plan the till last moved this agreement to, and whether the till stopped it. */
  tillKnowledge(agreementId: string): { planId: string | null; stopped: boolean } {
    const plan = this.sql
      .get("SELECT plan_id FROM agreement_operations WHERE agreement_id = ? AND kind = 'change-plan' AND status = 'done' ORDER BY updated_at DESC, rowid DESC LIMIT 1")
      .get(agreementId) as { plan_id: string | null } | undefined;
    const stop = this.sql.get("SELECT 1 AS yes FROM agreement_operations WHERE agreement_id = ? AND kind = 'stop' AND status IN ('done', 'accepted', 'unconfirmed')").get(agreementId);
    return { planId: plan?.plan_id ?? null, stopped: stop !== undefined };
  }

  saveRegistration(registration: Registration): void {
    this.sql
      .get(
        `INSERT INTO agreement_registrations (vipps_agreement_id, billing_agreement_id, subscriber_id, account_id, registered_at, stored_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (vipps_agreement_id) DO UPDATE SET billing_agreement_id = excluded.billing_agreement_id, subscriber_id = excluded.subscriber_id,
           account_id = excluded.account_id, registered_at = excluded.registered_at`,
      )
      .run(registration.vippsAgreementId, registration.billingAgreementId, registration.subscriberId, registration.accountId, registration.registeredAt, this.now());
  }

  registration(vippsAgreementId: string): Registration | null {
    const raw = this.sql.get('SELECT * FROM agreement_registrations WHERE vipps_agreement_id = ?').get(vippsAgreementId) as
      | { vipps_agreement_id: string; billing_agreement_id: string; subscriber_id: string; account_id: string; registered_at: string }
      | undefined;
    return raw
      ? { vippsAgreementId: raw.vipps_agreement_id, billingAgreementId: raw.billing_agreement_id, subscriberId: raw.subscriber_id, accountId: raw.account_id, registeredAt: raw.registered_at }
      : null;
  }

  /** Agreements made at this till for a phone number (MSISDN), newest first, with the sale they came from. */
  localAgreements(query: { msisdn?: string; subscriberId?: string; agreementId?: string }): Array<{ agreementId: string; saleId: string; planId: string }> {
    const rows = (
      query.msisdn !== undefined
        ? this.sql.get("SELECT id, agreement_id, plan_json FROM subscription_sales WHERE msisdn = ? AND agreement_id IS NOT NULL AND status IN ('active', 'pending', 'capturing') ORDER BY created_at DESC").all(query.msisdn)
        : query.subscriberId !== undefined
          ? this.sql
              .get('SELECT s.id, s.agreement_id, s.plan_json FROM subscription_sales s JOIN agreement_registrations r ON r.vipps_agreement_id = s.agreement_id WHERE r.subscriber_id = ? ORDER BY s.created_at DESC')
              .all(query.subscriberId)
          : this.sql.get('SELECT id, agreement_id, plan_json FROM subscription_sales WHERE agreement_id = ?').all(query.agreementId)
    ) as Array<{ id: string; agreement_id: string; plan_json: string }>;
    return rows.map((r) => ({ agreementId: r.agreement_id, saleId: r.id, planId: planIdOf(r.plan_json) }));
  }

  /** The sale an agreement was made in, for ordering its reports after its registration. */
  saleOf(agreementId: string): { saleId: string; planId: string; cancelledByCashier: boolean } | null {
    const raw = this.sql.get('SELECT id, plan_json, outcome_reason FROM subscription_sales WHERE agreement_id = ?').get(agreementId) as
      | { id: string; plan_json: string; outcome_reason: string | null }
      | undefined;
    return raw ? { saleId: raw.id, planId: planIdOf(raw.plan_json), cancelledByCashier: raw.outcome_reason === 'cancelled-by-cashier' } : null;
  }
}

function planIdOf(planJson: string): string {
  try {
    return String((JSON.parse(planJson) as { id?: unknown }).id ?? '');
  } catch {
    return '';
  }
}

function toOperation(raw: unknown): StoredOperation {
  const r = parseRow('agreement_operations', raw, row);
  return {
    id: r.id,
    kind: r.kind,
    agreementId: r.agreement_id,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    acceptedAt: r.accepted_at,
    planId: r.plan_id,
    previousPlanId: r.previous_plan_id,
    reason: r.reason,
    chargeId: r.charge_id,
    amount: r.amount,
    problem: r.problem_json ? parseJsonColumn('agreement_operations', r.id, 'problem_json', r.problem_json, appErrorSchema) : null,
    by: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
    approvedBy: r.approver_id ? { id: r.approver_id, name: r.approver_name ?? '' } : null,
    idempotencyKey: r.idempotency_key,
    body: parseJsonColumn('agreement_operations', r.id, 'body_json', r.body_json, z.unknown()),
    currency: r.currency,
    attempts: r.attempts,
  };
}

export function publicOperation(op: StoredOperation): AgreementOperation {
  const { idempotencyKey: _k, body: _b, currency: _c, attempts: _a, ...view } = op;
  return view;
}
