import { displayCalls, displayEvents } from '../../shared/access';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EventName, InvokeName } from '../../shared/contract';

/**
 * Who may use the web host's API, and for what.
 *
 * Every start makes two random secrets: one for the till's page, one for the customer display.
 * A page never sees them: it gets one as an `HttpOnly; SameSite=Strict` cookie when it opens a
 * URL carrying a one-time code, the code is spent on first use, and the browser keeps the cookie
 * for reloads and further tabs. The till's code is printed by the launcher (the terminal of the
 * person who started Kassa is the one place only they can read); display codes are minted by a
 * till page that is already signed in, for the screen that faces the customer.
 *
 * Another local user's process can still reach 127.0.0.1, but without the secret it gets 401 and
 * nothing happens; another web page cannot read the cookie, and SameSite=Strict keeps the browser
 * from attaching it to requests another site starts.
 */
export type Scope = 'till' | 'display';


/** A display code lives for as long as a cashier takes to walk to the other screen. */
const DISPLAY_CODE_TTL_MS = 10 * 60_000;

export class HostSession {
  private readonly secrets: Record<Scope, Buffer>;
  /** code hash -> scope and expiry; a code is deleted the moment it is used. */
  private readonly codes = new Map<string, { scope: Scope; expiresAt: number }>();
  readonly cookieNames: Record<Scope, string>;

  constructor(
    port: number,
    private readonly now: () => number = Date.now,
  ) {
    this.secrets = { till: randomBytes(32), display: randomBytes(32) };
    // Cookies are shared by every port of a host: the port in the name keeps two tills apart.
    this.cookieNames = { till: `kassa_till_${port}`, display: `kassa_display_${port}` };
  }

  /** The launcher's code: valid until used, once. */
  issueTillCode(): string {
    return this.issue('till', Number.POSITIVE_INFINITY);
  }

  issueDisplayCode(): string {
    return this.issue('display', this.now() + DISPLAY_CODE_TTL_MS);
  }

  /** Spends a code. Returns the scope it grants and the cookie that carries it, or null. */
  redeem(code: string): { scope: Scope; setCookie: string } | null {
    const key = digest(code);
    const entry = this.codes.get(key);
    if (!entry) return null;
    this.codes.delete(key);
    if (entry.expiresAt < this.now()) return null;
    const value = this.secrets[entry.scope].toString('base64url');
    return { scope: entry.scope, setCookie: `${this.cookieNames[entry.scope]}=${value}; HttpOnly; SameSite=Strict; Path=/` };
  }

  /** The widest scope the request's cookies prove, or null. */
  scopeOf(cookieHeader: string | undefined): Scope | null {
    const cookies = parseCookies(cookieHeader);
    if (this.matches('till', cookies.get(this.cookieNames.till))) return 'till';
    if (this.matches('display', cookies.get(this.cookieNames.display))) return 'display';
    return null;
  }

  static mayInvoke(scope: Scope, name: InvokeName): boolean {
    return scope === 'till' || displayCalls.has(name);
  }

  static mayReceive(scope: Scope, name: EventName): boolean {
    return scope === 'till' || displayEvents.has(name);
  }

  private issue(scope: Scope, expiresAt: number): string {
    const code = randomBytes(24).toString('base64url');
    this.codes.set(digest(code), { scope, expiresAt });
    return code;
  }

  private matches(scope: Scope, presented: string | undefined): boolean {
    if (!presented) return false;
    const given = Buffer.from(presented, 'base64url');
    const expected = this.secrets[scope];
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

/** Codes are kept hashed, so the map's lookup time says nothing about a guessed code. */
function digest(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}

function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) cookies.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return cookies;
}
