/**
 * Calls Kassa's web host from Node the way the till's own page does: signed in with the session
 * cookie. The web host refuses every API call without it (401), see electron/host/host-session.ts.
 *
 *   const till = await TillClient.signIn(kassa.launchUrl);      // the printed address, code and all
 *   const result = await till.invoke('sales.list', { limit: 10 }); // the Result, as the page gets it
 *   const res = await till.request('/api/invoke/cart.add', { method: 'POST', body: '…' }); // raw
 *   const display = await till.customerDisplay();               // signed in for display.* only
 *
 * Signing in spends the address's one-time code, as a browser opening it would: sign in once per
 * start of the till, and hand the same TillClient around (a restarted till prints a new address).
 * Requests carry Host `127.0.0.1:<port>` and no Origin, like any local client; pass headers to
 * override them when a test is about those checks.
 */
import { request, type Dispatcher } from 'undici';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export class TillClient {
  private constructor(
    /** e.g. http://127.0.0.1:5170 */
    readonly origin: string,
    /** `name=value` of the session cookie, for a test that writes raw HTTP itself. */
    readonly cookie: string,
  ) {}

  /** Opens the launcher's address (`http://127.0.0.1:PORT/?code=…`) and keeps the cookie it sets. */
  static async signIn(address: string): Promise<TillClient> {
    const url = new URL(address);
    const res = await request(url, { method: 'GET' });
    await res.body.dump();
    const setCookie = [res.headers['set-cookie'] ?? []].flat()[0];
    if (res.statusCode !== 303 || !setCookie) throw new Error(`Signing in at ${url.origin} failed: HTTP ${res.statusCode} (a spent or wrong code?)`);
    return new TillClient(url.origin, setCookie.split(';')[0]!);
  }

  /** A second client signed in as the customer display, through a one-time display address. */
  async customerDisplay(): Promise<TillClient> {
    const res = await this.request('/api/display-link', { method: 'POST' });
    if (res.status !== 200) throw new Error(`No display address: HTTP ${res.status} ${res.text}`);
    const { path } = JSON.parse(res.text) as { path: string };
    return TillClient.signIn(`${this.origin}${path}`);
  }

  /** A contract call; resolves with the Result (throws when the answer is not JSON, e.g. a 401). */
  async invoke(name: string, body: unknown, options: { timeoutMs?: number } = {}): Promise<{ ok: boolean; value?: any; error?: { code: string; message: string } }> {
    const res = await this.request(`/api/invoke/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      timeoutMs: options.timeoutMs,
    });
    try {
      return JSON.parse(res.text) as { ok: boolean };
    } catch {
      throw new Error(`${name}: HTTP ${res.status} ${res.text}`);
    }
  }

  /** Any request to the web host, with the session cookie added. */
  async request(
    path: string,
    init: { method?: Dispatcher.HttpMethod; headers?: Record<string, string>; body?: string | Buffer; timeoutMs?: number } = {},
  ): Promise<RawResponse> {
    const res = await request(`${this.origin}${path}`, {
      method: init.method ?? 'GET',
      headers: { cookie: this.cookie, ...init.headers },
      body: init.body,
      headersTimeout: init.timeoutMs,
      bodyTimeout: init.timeoutMs,
    });
    return { status: res.statusCode, headers: res.headers, text: await res.body.text() };
  }

  /** The event stream, raw: the caller reads `body` and must destroy it when done. */
  events(): Promise<Dispatcher.ResponseData> {
    return request(`${this.origin}/api/events`, { headers: { cookie: this.cookie } });
  }
}
