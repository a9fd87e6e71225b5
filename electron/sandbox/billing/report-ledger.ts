/**
 * The billing backend's memory of what tills reported: sales, agreements, refunds, and the
 * subscriber registry the agreements feed. One per sandbox, forgotten on reset.
 *
 * Idempotency on the path id (billing-api.yaml): the first accepted report under an id is kept
 * with the response it got; the same id with the same body (compared as JSON: key order and
 * whitespace do not matter) gets that response again with 200; the same id with another body is a
 * conflict (409) and changes nothing. Refused reports (400/404/409/422) are not stored under their
 * id, so a corrected report with the same id is accepted later; they are listed in `rejections`.
 *
 * Every entry counts its `deliveries`: how many times the backend accepted that id (the 201 and
 * each 200 replay, including ones whose answer a dropped connection swallowed) — so a test can tell
 * "recorded once, delivered three times" from "recorded three times".
 *
 * The subscriber registry behaves like a subscription system importing agreements made outside it
 * (INFO-Subscription's "agreement import"): subscribers are keyed by phone number (the MSISDN as
 * reported, digits only). A new number creates a subscriber from the shared profile (name, email,
 * address — any may be missing) with a new account; a known number reuses the subscriber and its
 * account and makes the report's profile its primary contact: each field the report carries
 * overwrites the stored one, fields it lacks are kept. A blank string ("" or spaces) counts as
 * missing — a profile without an email must not erase the email the shop already has.
 */
import { requestFingerprint } from '../idempotency';
import type { FieldError } from './billing-problems';
import type { AgreementEventReport, AgreementReport, RefundReport, SaleReport, ZReportReport } from './report-schema';

export type ReportKind = 'sale' | 'agreement' | 'refund' | 'z-report' | 'agreement-event';

export interface Delivery {
  receivedAt: string;
  status: 200 | 201;
  /** The `Idempotency-Key` header of that delivery (the till's outbox item id), if any. */
  idempotencyKey: string | null;
}

interface Entry<R, A> {
  id: string;
  fingerprint: string;
  report: R;
  /** The body of the first (201) response, replayed as-is. */
  answer: A;
  deliveries: Delivery[];
  /** Reports under this id with another body, refused with 409. */
  conflicts: number;
}

export interface SaleAnswer {
  saleId: string;
  billingSaleId: string;
  recordedAt: string;
}

export interface AgreementAnswer {
  agreementId: string;
  /** The Vipps MobilePay agreement id (the path id), and the backend's own id for the agreement. */
  vippsAgreementId: string;
  billingAgreementId: string;
  subscriberId: string;
  accountId: string;
  subscriberCreated: boolean;
  registeredAt: string;
}

export interface AgreementEventAnswer {
  eventId: string;
  vippsAgreementId: string;
  billingAgreementId: string;
  recordedAt: string;
}

/** The backend's own record of an agreement: what plan it bills and whether it still does. */
export interface BillingAgreementRecord {
  billingAgreementId: string;
  vippsAgreementId: string;
  subscriberId: string;
  accountId: string;
  planId: string | null;
  currency: string;
  status: 'ACTIVE' | 'STOPPED';
  registeredAt: string;
  updatedAt: string;
}

export interface ZReportAnswer {
  zReportId: string;
  tillId: string;
  number: number;
  recordedAt: string;
}

export interface RefundAnswer {
  refundId: string;
  saleId: string;
  recordedAt: string;
}

type Contact = { name: string | null; email: string | null; address: string | null };
const CONTACT_FIELDS = ['name', 'email', 'address'] as const;

export interface SubscriberRecord {
  subscriberId: string;
  accountId: string;
  phoneNumber: string;
  /** The primary contact: the latest non-blank value of each field. */
  contact: Contact;
  createdAt: string;
  updatedAt: string;
  /** In the order registered. */
  agreementIds: string[];
  /** One per agreement that changed the contact: which fields, from what, to what. */
  contactChanges: Array<{ at: string; agreementId: string; changes: Partial<Record<keyof Contact, { from: string | null; to: string }>> }>;
}

export interface Rejection {
  kind: ReportKind;
  id: string;
  status: number;
  receivedAt: string;
  detail: string;
  errors: FieldError[];
  idempotencyKey: string | null;
}

export type Lookup<A> = { kind: 'new'; fingerprint: string } | { kind: 'replay'; answer: A } | { kind: 'conflict' };

export class BillingLedger {
  private readonly sales = new Map<string, Entry<SaleReport, SaleAnswer>>();
  private readonly agreements = new Map<string, Entry<AgreementReport, AgreementAnswer>>();
  private readonly refunds = new Map<string, Entry<RefundReport, RefundAnswer>>();
  private readonly zReports = new Map<string, Entry<ZReportReport, ZReportAnswer>>();
  private readonly events = new Map<string, Entry<AgreementEventReport, AgreementEventAnswer>>();
  private readonly billingAgreements = new Map<string, BillingAgreementRecord>();
  /** Profile fields beyond the primary contact (phoneNumber, birthDate), latest non-blank value. */
  private readonly extras = new Map<string, { phoneNumber: string | null; birthDate: string | null }>();
  private readonly subscribers = new Map<string, SubscriberRecord>();
  private readonly byPhone = new Map<string, SubscriberRecord>();
  private readonly rejections: Rejection[] = [];
  private sequence = { sale: 0, subscriber: 0, account: 0, agreement: 0 };

  constructor(private readonly now: () => number) {}

  reset(): void {
    this.sales.clear();
    this.agreements.clear();
    this.refunds.clear();
    this.zReports.clear();
    this.subscribers.clear();
    this.byPhone.clear();
    this.events.clear();
    this.billingAgreements.clear();
    this.extras.clear();
    this.rejections.length = 0;
    this.sequence = { sale: 0, subscriber: 0, account: 0, agreement: 0 };
  }

  private iso(): string {
    return new Date(this.now()).toISOString();
  }

  private table(kind: ReportKind): Map<string, Entry<unknown, unknown>> {
    const tables = { sale: this.sales, agreement: this.agreements, refund: this.refunds, 'z-report': this.zReports, 'agreement-event': this.events };
    return tables[kind] as Map<string, Entry<unknown, unknown>>;
  }

  /**
   * What an accepted-so-far report under this id is: new, a replay (counted as a delivery, the
   * first answer returned), or a conflict (counted).
   */
  lookup(kind: ReportKind, id: string, rawBody: string, idempotencyKey: string | null): Lookup<unknown> {
    const fingerprint = requestFingerprint('PUT', `${kind}/${id}`, rawBody);
    const entry = this.table(kind).get(id);
    if (!entry) return { kind: 'new', fingerprint };
    if (entry.fingerprint !== fingerprint) {
      entry.conflicts += 1;
      return { kind: 'conflict' };
    }
    entry.deliveries.push({ receivedAt: this.iso(), status: 200, idempotencyKey });
    return { kind: 'replay', answer: entry.answer };
  }

  reject(rejection: Omit<Rejection, 'receivedAt'>): void {
    this.rejections.push({ ...rejection, receivedAt: this.iso() });
  }

  saleReport(saleId: string): SaleReport | undefined {
    return this.sales.get(saleId)?.report;
  }

  /** The sale's total minus the refunds recorded against it. */
  leftOf(saleId: string): number {
    const sale = this.sales.get(saleId);
    if (!sale) return 0;
    return sale.report.total - this.refundsOf(saleId).reduce((total, refund) => total + refund.report.amount, 0);
  }

  private refundsOf(saleId: string): Array<Entry<RefundReport, RefundAnswer>> {
    return [...this.refunds.values()].filter((refund) => refund.report.saleId === saleId);
  }

  recordSale(report: SaleReport, fingerprint: string, idempotencyKey: string | null): SaleAnswer {
    this.sequence.sale += 1;
    const answer: SaleAnswer = { saleId: report.saleId, billingSaleId: `BS-${String(this.sequence.sale).padStart(6, '0')}`, recordedAt: this.iso() };
    this.sales.set(report.saleId, this.entry(report.saleId, fingerprint, report, answer, idempotencyKey));
    return answer;
  }

  recordRefund(report: RefundReport, fingerprint: string, idempotencyKey: string | null): RefundAnswer {
    const answer: RefundAnswer = { refundId: report.refundId, saleId: report.saleId, recordedAt: this.iso() };
    this.refunds.set(report.refundId, this.entry(report.refundId, fingerprint, report, answer, idempotencyKey));
    return answer;
  }

  /** A till's closing report: kept as sent, one per id (the till numbers them; the backend only records). */
  recordZReport(report: ZReportReport, fingerprint: string, idempotencyKey: string | null): ZReportAnswer {
    const answer: ZReportAnswer = { zReportId: report.zReportId, tillId: report.tillId, number: report.number, recordedAt: this.iso() };
    this.zReports.set(report.zReportId, this.entry(report.zReportId, fingerprint, report, answer, idempotencyKey));
    return answer;
  }

  registerAgreement(report: AgreementReport, fingerprint: string, idempotencyKey: string | null): AgreementAnswer {
    const at = this.iso();
    const profile = report.subscriber ?? {};
    const given = (field: keyof Contact): string | null => {
      const value = profile[field];
      return typeof value === 'string' && value.trim() !== '' ? value : null;
    };
    let subscriber = this.byPhone.get(report.phoneNumber);
    const created = subscriber === undefined;
    if (!subscriber) {
      this.sequence.subscriber += 1;
      this.sequence.account += 1;
      subscriber = {
        subscriberId: `SUB-${String(this.sequence.subscriber).padStart(6, '0')}`,
        accountId: `ACC-${String(this.sequence.account).padStart(6, '0')}`,
        phoneNumber: report.phoneNumber,
        contact: { name: given('name'), email: given('email'), address: given('address') },
        createdAt: at,
        updatedAt: at,
        agreementIds: [],
        contactChanges: [],
      };
      this.subscribers.set(subscriber.subscriberId, subscriber);
      this.byPhone.set(subscriber.phoneNumber, subscriber);
    } else {
      const changes: SubscriberRecord['contactChanges'][number]['changes'] = {};
      for (const field of CONTACT_FIELDS) {
        const value = given(field);
        if (value === null || value === subscriber.contact[field]) continue;
        changes[field] = { from: subscriber.contact[field], to: value };
        subscriber.contact[field] = value;
      }
      if (Object.keys(changes).length > 0) {
        subscriber.contactChanges.push({ at, agreementId: report.agreementId, changes });
        subscriber.updatedAt = at;
      }
    }
    subscriber.agreementIds.push(report.agreementId);
    const extra = this.extras.get(subscriber.subscriberId) ?? { phoneNumber: null, birthDate: null };
    for (const field of ['phoneNumber', 'birthDate'] as const) {
      const value = profile[field];
      if (typeof value === 'string' && value.trim() !== '') extra[field] = value;
    }
    this.extras.set(subscriber.subscriberId, extra);
    this.sequence.agreement += 1;
    const billingAgreementId = `BA-${String(this.sequence.agreement).padStart(6, '0')}`;
    this.billingAgreements.set(report.agreementId, {
      billingAgreementId,
      vippsAgreementId: report.agreementId,
      subscriberId: subscriber.subscriberId,
      accountId: subscriber.accountId,
      planId: report.planId,
      currency: report.currency,
      status: 'ACTIVE',
      registeredAt: at,
      updatedAt: at,
    });
    const answer: AgreementAnswer = {
      agreementId: report.agreementId,
      vippsAgreementId: report.agreementId,
      billingAgreementId,
      subscriberId: subscriber.subscriberId,
      accountId: subscriber.accountId,
      subscriberCreated: created,
      registeredAt: at,
    };
    this.agreements.set(report.agreementId, this.entry(report.agreementId, fingerprint, report, answer, idempotencyKey));
    return answer;
  }

  /** The backend's record of a Vipps agreement, if it was registered. */
  billingAgreement(vippsAgreementId: string): BillingAgreementRecord | undefined {
    return this.billingAgreements.get(vippsAgreementId);
  }

  /** Applies a till's change to the backend's copy: the plan it bills, or that it stopped. */
  recordAgreementEvent(report: AgreementEventReport, fingerprint: string, idempotencyKey: string | null): AgreementEventAnswer {
    const record = this.billingAgreements.get(report.vippsAgreementId)!;
    if (report.type === 'PLAN_CHANGED' && report.planId) record.planId = report.planId;
    if (report.type === 'STOPPED') record.status = 'STOPPED';
    record.updatedAt = this.iso();
    const answer: AgreementEventAnswer = { eventId: report.eventId, vippsAgreementId: report.vippsAgreementId, billingAgreementId: record.billingAgreementId, recordedAt: this.iso() };
    this.events.set(report.eventId, this.entry(report.eventId, fingerprint, report, answer, idempotencyKey));
    return answer;
  }

  /** GET /billing/v1/subscribers?phoneNumber=|agreementId=: the Subscriber documents that match. */
  findSubscribers(query: { phoneNumber?: string; agreementId?: string }): ReturnType<BillingLedger['subscriberDocument']>[] {
    if (query.phoneNumber !== undefined) {
      const subscriber = this.byPhone.get(query.phoneNumber);
      return subscriber ? [this.subscriberDocument(subscriber.subscriberId)!] : [];
    }
    const record = query.agreementId === undefined ? undefined : this.billingAgreements.get(query.agreementId);
    return record ? [this.subscriberDocument(record.subscriberId)!] : [];
  }

  /** A subscriber as billing-api.yaml's Subscriber: contact, accounts, and each account's agreements. */
  subscriberDocument(subscriberId: string) {
    const subscriber = this.subscribers.get(subscriberId);
    if (!subscriber) return undefined;
    const extra = this.extras.get(subscriberId) ?? { phoneNumber: null, birthDate: null };
    const agreements = subscriber.agreementIds
      .map((id) => this.billingAgreements.get(id))
      .filter((a): a is BillingAgreementRecord => a !== undefined)
      .map((a) => ({ billingAgreementId: a.billingAgreementId, vippsAgreementId: a.vippsAgreementId, planId: a.planId, currency: a.currency, status: a.status, registeredAt: a.registeredAt }));
    return {
      subscriberId: subscriber.subscriberId,
      phoneNumber: subscriber.phoneNumber,
      contact: { ...subscriber.contact, phoneNumber: extra.phoneNumber, birthDate: extra.birthDate },
      accounts: [{ accountId: subscriber.accountId, agreements }],
    };
  }

  private entry<R, A>(id: string, fingerprint: string, report: R, answer: A, idempotencyKey: string | null): Entry<R, A> {
    return { id, fingerprint, report, answer, deliveries: [{ receivedAt: this.iso(), status: 201, idempotencyKey }], conflicts: 0 };
  }

  // ---- for the control API ----------------------------------------------------------------

  private static bookkeeping(entry: Entry<unknown, unknown>) {
    return { deliveries: entry.deliveries.length, conflicts: entry.conflicts, deliveryLog: entry.deliveries.map((d) => ({ ...d })) };
  }

  presentSale(saleId: string) {
    const entry = this.sales.get(saleId);
    if (!entry) return undefined;
    const refunds = this.refundsOf(saleId);
    return {
      ...entry.answer,
      ...BillingLedger.bookkeeping(entry),
      refundIds: refunds.map((r) => r.id),
      refunded: refunds.reduce((total, r) => total + r.report.amount, 0),
      left: this.leftOf(saleId),
      // The cash the sale took beyond its total, and its refunds handed back beyond theirs.
      rounding: entry.report.tenders.reduce((total, t) => total + (t.rounding ?? 0), 0),
      refundedRounding: refunds.reduce((total, r) => total + (r.report.rounding ?? 0), 0),
      report: entry.report,
    };
  }

  presentAgreement(agreementId: string) {
    const entry = this.agreements.get(agreementId);
    return entry && { ...entry.answer, ...BillingLedger.bookkeeping(entry), report: entry.report };
  }

  presentRefund(refundId: string) {
    const entry = this.refunds.get(refundId);
    return entry && { ...entry.answer, ...BillingLedger.bookkeeping(entry), report: entry.report };
  }

  presentZReport(zReportId: string) {
    const entry = this.zReports.get(zReportId);
    return entry && { ...entry.answer, ...BillingLedger.bookkeeping(entry), report: entry.report };
  }

  presentSubscriber(subscriberId: string) {
    const subscriber = this.subscribers.get(subscriberId);
    return subscriber && (JSON.parse(JSON.stringify(subscriber)) as SubscriberRecord);
  }

  /** Ids in the order first accepted. */
  ids(kind: ReportKind | 'subscriber'): string[] {
    return [...(kind === 'subscriber' ? this.subscribers : this.table(kind)).keys()];
  }

  subscriberIdByPhone(phoneNumber: string): string | undefined {
    return this.byPhone.get(phoneNumber)?.subscriberId;
  }

  listRejections(): Rejection[] {
    return this.rejections.map((r) => ({ ...r, errors: r.errors.map((e) => ({ ...e })) }));
  }
}
