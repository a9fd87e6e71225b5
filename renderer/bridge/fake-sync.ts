import type { EventName, EventPayload, InvokeName, InvokeRequest, InvokeResponse } from '../../shared/contract';
import { fail, ok, type Result } from '../../shared/result';
import { discardRequestSchema, type DeadLetter, type OutboxKind, type SyncStatus } from '../../shared/sync';

/**
 * The design-time outbox: reports of finished sales, agreements and refunds wait here and are
 * "delivered" after a moment, and `vipps.health`. Variants (`?fake=<variant>`):
 *   offline     the billing backend is unreachable: reports wait (oldest 7 min), two dead letters;
 *               the first Sync now fails, after that the backend is back.
 *   paused      the backend refused the till's API key: the first Sync now is refused again,
 *               the second resumes delivery.
 *   refused     online, with two dead letters.
 *   vipps-down  Vipps MobilePay does not answer the health check for the first 45 s.
 * Dead letters: the first Retry of the sale's report is refused again; any other Retry is delivered
 * (or goes back to the queue while offline). Discard checks the reason like the core does.
 */
type Emit = <N extends EventName>(name: N, payload: EventPayload<N>) => void;
type SyncName = Extract<InvokeName, `sync.${string}` | 'vipps.health'>;
export type SyncHandlers = { [N in SyncName]: (request: InvokeRequest<N>) => Result<InvokeResponse<N>> };
/** A finished sale, agreement or refund: its report joins the queue. */
export type ReportFake = (kind: OutboxKind, subjectId: string) => void;

const DELIVERED_AFTER_MS = 1_200;
const VIPPS_DOWN_FOR_MS = 45_000;
const minute = 60_000;

interface Waiting {
  id: string;
  kind: OutboxKind;
  subjectId: string;
  createdAt: number;
}

const problems = {
  offline: { code: 'BILLING_UNAVAILABLE', message: 'The billing backend cannot be reached. Sales are kept on this till and sent when it answers again.' },
  paused: {
    code: 'BILLING_AUTH',
    message: "The billing backend refused this till's API key. Sales are kept on this till; ask the manager to fix the key, then press Sync now.",
  },
} as const;

export function createFakeSync(emit: Emit, variant: string): { handlers: SyncHandlers; report: ReportFake } {
  const startedAt = Date.now();
  const now = Date.now();
  let state: SyncStatus['state'] = variant === 'offline' ? 'offline' : variant === 'paused' ? 'paused' : 'online';
  let lastDeliveredAt: number | null = now - (variant === 'offline' ? 41 : 6) * minute;
  let syncPresses = 0;
  let retriedSale = false;
  let next = 1;
  let queue: Waiting[] = [];
  let dead: DeadLetter[] = [];

  if (state !== 'online') {
    queue = [
      { id: 'fake-out-1', kind: 'sale', subjectId: 'fake-sale-1041', createdAt: now - 7 * minute },
      { id: 'fake-out-2', kind: 'refund', subjectId: 'fake-sale-1038', createdAt: now - 4 * minute },
      { id: 'fake-out-3', kind: 'sale', subjectId: 'fake-sale-1042', createdAt: now - 90_000 },
    ];
  }
  if (variant === 'offline' || variant === 'paused' || variant === 'refused') {
    dead = [
      {
        id: 'fake-dead-sale', kind: 'sale', subjectId: 'fake-sale-1031', createdAt: now - 52 * minute, attempts: 1,
        error: { code: 'VALIDATION', message: "The billing backend refused this report: The sale report cannot be recorded (1 problem): total must equal the lines' totals added up (34900)." },
        summary: 'Sale till-2-001031, 349.00 NOK',
      },
      {
        id: 'fake-dead-refund', kind: 'refund', subjectId: 'fake-sale-1029', createdAt: now - 3 * 60 * minute, attempts: 3,
        error: { code: 'VALIDATION', message: "The billing backend refused this report: No sale till-2-001029 has been reported. A sale's report must be recorded before its refunds." },
        summary: 'Refund of 50.00 NOK on sale till-2-001029',
      },
    ];
  }

  function status(): SyncStatus {
    return {
      state,
      waiting: queue.length,
      oldestWaitingSince: queue.reduce<number | null>((oldest, item) => (oldest === null || item.createdAt < oldest ? item.createdAt : oldest), null),
      lastDeliveredAt,
      deadLetters: dead.length,
      problem: state === 'online' ? null : problems[state],
    };
  }

  const changed = () => emit('sync.changed', status());

  function deliverAll() {
    if (state !== 'online' || queue.length === 0) return;
    queue = [];
    lastDeliveredAt = Date.now();
  }

  function deliverSoon() {
    setTimeout(() => {
      if (state !== 'online' || queue.length === 0) return;
      deliverAll();
      changed();
    }, DELIVERED_AFTER_MS);
  }

  const notDead = () => fail('NOT_FOUND', 'That report is not among the refused ones any more.');

  const handlers: SyncHandlers = {
    'sync.status': () => ok(status()),
    'sync.now': () => {
      syncPresses += 1;
      // The first press finds the problem still there; by the second someone has fixed it.
      if (state !== 'online' && syncPresses > 1) state = 'online';
      deliverAll();
      changed();
      return ok(status());
    },
    'sync.deadLetters': () => ok(dead),
    'sync.retry': ({ id }) => {
      const letter = dead.find((d) => d.id === id);
      if (!letter) return notDead();
      if (letter.kind === 'sale' && !retriedSale) {
        retriedSale = true;
        dead = dead.map((d) => (d.id === id ? { ...d, attempts: d.attempts + 1 } : d));
      } else {
        dead = dead.filter((d) => d.id !== id);
        if (state === 'online') lastDeliveredAt = Date.now();
        else queue = [...queue, { id, kind: letter.kind, subjectId: letter.subjectId, createdAt: letter.createdAt }];
      }
      changed();
      return ok(status());
    },
    'sync.discard': (request) => {
      const parsed = discardRequestSchema.safeParse(request);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = String(issue?.path[0] ?? 'request');
        const message = issue?.message ?? 'The request is not valid.';
        return fail('VALIDATION', `${field}: ${message}`, { [field]: message });
      }
      if (!dead.some((d) => d.id === parsed.data.id)) return notDead();
      dead = dead.filter((d) => d.id !== parsed.data.id);
      changed();
      return ok(status());
    },
    'vipps.health': () => ok({ reachable: variant !== 'vipps-down' || Date.now() - startedAt > VIPPS_DOWN_FOR_MS, checkedAt: Date.now() }),
  };

  const report: ReportFake = (kind, subjectId) => {
    queue = [...queue, { id: `fake-out-${++next}-${Date.now()}`, kind, subjectId, createdAt: Date.now() }];
    changed();
    deliverSoon();
  };

  return { handlers, report };
}
