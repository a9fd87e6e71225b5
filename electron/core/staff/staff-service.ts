import { because } from '../../../shared/reasons';
import { randomUUID } from 'node:crypto';
import { callAccess, kioskCalls } from '../../../shared/access';
import type { InvokeName } from '../../../shared/channels';
import { KassaError } from '../../../shared/result';
import type { UiLanguage } from '../../../shared/languages';
import type { Approval, StaffMember, StaffRole, StaffSession } from '../../../shared/staff';
import type { AuditLog } from '../audit/audit-log';
import type { Clock, TimerHandle } from '../platform/clock';
import { hashPin, verifyPin } from './pin-hash';
import type { StaffRepo, StoredStaffMember } from './staff-repo';

/** Who makes a call, and which manager approved it (the manager themself when one is signed in). */
export interface CallContext {
  actor: StaffMember | null;
  approver: StaffMember | null;
}

/** Wrong PINs in a row before the member is locked. */
export const MAX_PIN_ATTEMPTS = 5;
const FIRST_LOCK_MS = 30_000;
const LONGEST_LOCK_MS = 60 * 60_000;

/** 30 s after the first lockout, doubling with each one after it, never more than an hour. */
export function lockDuration(lockouts: number): number {
  return Math.min(FIRST_LOCK_MS * 2 ** Math.max(0, lockouts - 1), LONGEST_LOCK_MS);
}

/** Who a sale made at a self-service kiosk is by, in rows, the journal and the day's figures. */
export const KIOSK: StaffMember = { id: 'kiosk', name: 'Kiosk', role: 'cashier' };

/** The demo staff of training mode: shown with their PINs on the training sign-in screen and in the README. */
export const DEMO_STAFF = [
  { name: 'Ola Nordmann', role: 'cashier', pin: '1111' },
  { name: 'Kari Nordmann', role: 'manager', pin: '2222' },
] as const satisfies ReadonlyArray<{ name: string; role: StaffRole; pin: string }>;

export interface StaffServiceDeps {
  repo: StaffRepo;
  audit: AuditLog;
  clock: Clock;
  training: boolean;
  /** A self-service kiosk: the kiosk's own calls need nobody signed in, and are the kiosk's. */
  kiosk: boolean;
  idleSignOutMs: number;
  publish(session: StaffSession): void;
}

const toPublic = ({ id, name, role, language }: StoredStaffMember | StaffMember): StaffMember => ({ id, name, role, language: language ?? null });

/**
 * Staff at this till: who is signed in, PIN checks with lockout, and the access rule of every
 * contract call. One member is signed in per till at a time (a quick switch replaces them); the
 * session ends after a spell without any call from the till.
 */
export class StaffService {
  private session: { user: StaffMember; lastActivityAt: number } | null = null;
  private idleTimer: TimerHandle | null = null;

  constructor(private readonly deps: StaffServiceDeps) {}

  /** Training mode's first start: the demo cashier and manager, so a newcomer can sign in at once. */
  async seedTrainingStaff(): Promise<void> {
    if (!this.deps.training || this.deps.repo.count() > 0) return;
    for (const member of DEMO_STAFF) {
      this.deps.repo.insert({ id: randomUUID(), name: member.name, role: member.role, pinHash: await hashPin(member.pin) });
    }
  }

  view(): StaffSession {
    return {
      user: this.session?.user ?? null,
      setupNeeded: this.deps.repo.count() === 0,
      idleSignOutMs: this.deps.idleSignOutMs,
      demoPins: this.deps.training ? DEMO_STAFF.map(({ name, role, pin }) => ({ name, role, pin })) : null,
    };
  }

  list(): StaffMember[] {
    return this.deps.repo.list().map(toPublic);
  }

  async signIn(staffId: string, pin: string): Promise<StaffSession> {
    const member = await this.checkPin(staffId, pin);
    const previous = this.session?.user ?? null;
    this.session = { user: toPublic(member), lastActivityAt: this.deps.clock.now() };
    this.armIdleTimer();
    this.deps.audit.record({ action: 'staff.signed-in', actor: member, before: previous ? { signedIn: previous.name } : null });
    return this.changed();
  }

  /** Staff leave the kiosk: only a manager's PIN (with the same lockout as signing in) does it. */
  async exitKiosk(staffId: string, pin: string): Promise<StaffSession> {
    if (!this.deps.kiosk) throw new KassaError('CONFLICT', 'This till is not a kiosk.');
    const member = await this.checkPin(staffId, pin);
    if (member.role !== 'manager') {
      this.deps.audit.record({ action: 'approval.refused', actor: member, approver: member, after: { call: 'kiosk.exit' } });
      throw new KassaError('MANAGER_APPROVAL_NEEDED', `${member.name} is not a manager. Only a manager can leave the kiosk.`, { pin: 'Not a manager.' });
    }
    this.session = { user: toPublic(member), lastActivityAt: this.deps.clock.now() };
    this.armIdleTimer();
    this.deps.audit.record({ action: 'kiosk.exited', actor: member });
    return this.changed();
  }

  /** The signed-in member's language, kept for their next sign-in too. */
  setLanguage(language: UiLanguage | null, context: CallContext): StaffSession {
    if (!this.session || !context.actor || context.actor.id !== this.session.user.id) throw new KassaError('NOT_SIGNED_IN', 'Sign in with your PIN first.');
    this.deps.repo.setLanguage(this.session.user.id, language);
    this.session = { ...this.session, user: { ...this.session.user, language } };
    return this.changed();
  }

  signOut(action: 'staff.signed-out' | 'staff.idle-signed-out' = 'staff.signed-out'): StaffSession {
    if (this.session) this.deps.audit.record({ action, actor: this.session.user });
    this.session = null;
    if (this.idleTimer) this.deps.clock.clearTimeout(this.idleTimer);
    this.idleTimer = null;
    return this.changed();
  }

  /** A real shop's first start: the first manager, who then signs in. Refused once anyone exists. */
  async setUpFirstManager(name: string, pin: string): Promise<StaffSession> {
    if (this.deps.repo.count() > 0) throw new KassaError('CONFLICT', 'This till already has staff. Sign in, and ask a manager to add people.', undefined, because('STAFF_EXISTS'));
    const manager = this.deps.repo.insert({ id: randomUUID(), name, role: 'manager', pinHash: await hashPin(pin) });
    this.deps.audit.record({ action: 'staff.first-manager', actor: manager, subjectId: manager.id, after: toPublic(manager) });
    this.session = { user: toPublic(manager), lastActivityAt: this.deps.clock.now() };
    this.armIdleTimer();
    return this.changed();
  }

  async create(request: { name: string; role: StaffRole; pin: string }, context: CallContext): Promise<StaffMember> {
    const member = this.deps.repo.insert({ id: randomUUID(), name: request.name, role: request.role, pinHash: await hashPin(request.pin) });
    this.deps.audit.record({ action: 'staff.created', actor: context.actor, approver: context.approver, subjectId: member.id, after: toPublic(member) });
    return toPublic(member);
  }

  /**
   * The access rule for one call, checked before its handler runs. Returns who makes the call and
   * which manager approved it; throws NOT_SIGNED_IN or MANAGER_APPROVAL_NEEDED otherwise.
   */
  async authorize(call: InvokeName, request: unknown): Promise<CallContext> {
    const access = callAccess[call];
    if (access === 'open') return { actor: this.session?.user ?? null, approver: null };
    if (this.deps.kiosk && !this.session && kioskCalls.has(call)) return { actor: KIOSK, approver: null };
    const user = this.signedInUser();
    if (access === 'staff' || user.role === 'manager') return { actor: user, approver: access === 'manager' ? user : null };

    const approval = (request as { approval?: Approval } | null)?.approval;
    if (!approval) throw new KassaError('MANAGER_APPROVAL_NEEDED', 'A manager must approve this. Ask a manager to type their PIN.', undefined, because('APPROVAL_NEEDED'));
    const manager = await this.checkPin(approval.staffId, approval.pin, 'approval');
    if (manager.role !== 'manager') {
      this.deps.audit.record({ action: 'approval.refused', actor: user, approver: manager, after: { call } });
      throw new KassaError('MANAGER_APPROVAL_NEEDED', `${manager.name} is not a manager. Ask a manager to type their PIN.`, { approval: 'Not a manager.' }, because('APPROVER_NOT_MANAGER', { name: manager.name }));
    }
    this.deps.audit.record({ action: 'approval.granted', actor: user, approver: manager, after: { call } });
    return { actor: user, approver: toPublic(manager) };
  }

  stop(): void {
    if (this.idleTimer) this.deps.clock.clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private signedInUser(): StaffMember {
    if (!this.session) throw new KassaError('NOT_SIGNED_IN', 'Sign in with your PIN first.', undefined, because('SIGN_IN_FIRST'));
    this.session.lastActivityAt = this.deps.clock.now();
    this.armIdleTimer();
    return this.session.user;
  }

  private armIdleTimer(): void {
    if (this.idleTimer) this.deps.clock.clearTimeout(this.idleTimer);
    this.idleTimer = this.deps.clock.setTimeout(() => {
      this.idleTimer = null;
      if (this.session && this.deps.clock.now() - this.session.lastActivityAt >= this.deps.idleSignOutMs) this.signOut('staff.idle-signed-out');
    }, this.deps.idleSignOutMs);
  }

  /** Checks a PIN, counting wrong ones: the fifth in a row locks the member for a growing time. */
  private async checkPin(staffId: string, pin: string, purpose: 'sign-in' | 'approval' = 'sign-in'): Promise<StoredStaffMember> {
    const field = purpose === 'approval' ? 'approval' : 'pin';
    const member = this.deps.repo.get(staffId);
    if (!member) throw new KassaError('PIN_REFUSED', 'Choose your name from the list, then type your PIN.', { [field]: 'Unknown member of staff.' }, because('STAFF_UNKNOWN'));
    const now = this.deps.clock.now();
    if (member.lockedUntil !== null && member.lockedUntil > now) throw lockedError(member.name, member.lockedUntil - now, field);

    if (await verifyPin(pin, member.pinHash)) {
      if (member.failedAttempts > 0 || member.lockouts > 0) this.deps.repo.clearFailures(member.id);
      return member;
    }
    const failures = this.deps.repo.countFailure(member.id);
    if (failures >= MAX_PIN_ATTEMPTS) {
      const lockMs = lockDuration(member.lockouts + 1);
      this.deps.repo.lock(member.id, now + lockMs);
      this.deps.audit.record({ action: 'staff.locked-out', actor: member, after: { purpose, lockedForMs: lockMs } });
      throw lockedError(member.name, lockMs, field);
    }
    this.deps.audit.record({ action: 'staff.sign-in-refused', actor: member, after: { purpose, failures } });
    const left = MAX_PIN_ATTEMPTS - failures;
    throw new KassaError('PIN_REFUSED', `That PIN is not right. ${left} ${left === 1 ? 'try' : 'tries'} left before ${member.name} is locked for a while.`, {
      [field]: `Wrong PIN: ${left} left.`,
    }, because('PIN_WRONG', { count: left, name: member.name }));
  }

  private changed(): StaffSession {
    const view = this.view();
    this.deps.publish(view);
    return view;
  }
}

function lockedError(name: string, remainingMs: number, field: string): KassaError {
  const seconds = Math.ceil(remainingMs / 1000);
  const wait = seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  const why = seconds < 120 ? because('STAFF_LOCKED_SECONDS', { name, count: seconds }) : because('STAFF_LOCKED_MINUTES', { name, count: Math.ceil(seconds / 60) });
  return new KassaError('STAFF_LOCKED', `Too many wrong PINs: ${name} can try again in ${wait}.`, { [field]: `Locked for ${wait}.` }, why);
}
