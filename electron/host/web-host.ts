import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { eventNames, isInvokeName } from '../../shared/contract';
import type { Core } from '../core/create-core';
import { dispatch } from '../core/dispatch';
import { HostSession, type Scope } from './host-session';

export interface WebHost {
  /** The host's origin, e.g. http://127.0.0.1:5170 (pages there need a cookie to use the API). */
  url: string;
  /** The address to open: the origin with a one-time code that signs the browser in as the till. */
  launchUrl: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;
const SSE_HEARTBEAT_MS = 15_000;
const CUSTOMER_DISPLAY_PATH = '/customer-display';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

const securityHeaders = {
  'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/**
 * The contract over HTTP on loopback, plus the built renderer: `POST /api/invoke/<name>` answers a
 * Result, `GET /api/events` streams core events as server-sent events. Three guards, in order:
 * - the Host header must be ours (no DNS-rebinding trick reaches us under another name);
 * - an Origin, when sent, must be ours (no other web page drives the till from the cashier's browser);
 * - the request must carry the session cookie (no other local process or user drives it at all),
 *   and the customer display's cookie reaches only what the display needs. See host-session.ts.
 */
export async function startWebHost(core: Core, options: { port: number; staticDir: string }): Promise<WebHost> {
  const sseClients = new Map<ServerResponse, Scope>();
  // Both are made again for the real port once the server listens, before any request can arrive.
  let ownHosts: Set<string> = new Set();
  let session: HostSession = new HostSession(options.port);

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (isClientAbort(req, error)) {
        // The client gave up on its own request (a closed tab, a timeout): nothing went wrong here.
        core.logger.info('web host request abandoned by the client', { path: pathOnly(req.url) });
        return;
      }
      core.logger.error('web host request failed', { path: pathOnly(req.url), error: String(error) });
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Kassa could not answer that request.' } });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!ownHosts.has(req.headers.host ?? '')) return sendText(res, 421, 'Unknown host');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed');
    if (req.method === 'GET' && url.searchParams.has('code')) return redeemCode(req, res, url);
    return serveStatic(url.pathname, res, options.staticDir);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const origin = req.headers.origin;
    if (origin !== undefined && !ownHosts.has(origin.replace(/^http:\/\//, ''))) return sendText(res, 403, 'Cross-origin calls are not allowed');
    const scope = session.scopeOf(req.headers.cookie);
    if (!scope) return sendText(res, 401, 'Open the address Kassa printed when it started: it signs this browser in.');
    if (url.pathname === '/api/events' && req.method === 'GET') return openEventStream(res, scope);
    if (url.pathname === '/api/display-link') return sendDisplayLink(req, res, scope);
    const name = url.pathname.slice('/api/invoke/'.length);
    if (!url.pathname.startsWith('/api/invoke/') || !isInvokeName(name)) return sendText(res, 404, 'No such call');
    if (req.method !== 'POST') return sendText(res, 405, 'Use POST');
    if (!HostSession.mayInvoke(scope, name)) return sendText(res, 403, 'The customer display may not make this call');
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return sendText(res, 415, 'Send JSON');
    const body = await readJson(req);
    if (body.kind === 'too-large') {
      res.setHeader('Connection', 'close');
      return sendJson(res, 413, { ok: false, error: { code: 'VALIDATION', message: `The request body is too large (over ${MAX_BODY_BYTES / 1024} KiB).` } });
    }
    if (body.kind === 'invalid') {
      return sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'The request body is not valid JSON.' } });
    }
    return sendJson(res, 200, await dispatch(core.handlers, name, body.value, core.logger));
  }

  /** A signed-in till page asks for a one-time address for the customer's screen. */
  function sendDisplayLink(req: IncomingMessage, res: ServerResponse, scope: Scope): void {
    if (req.method !== 'POST') return sendText(res, 405, 'Use POST');
    if (scope !== 'till') return sendText(res, 403, 'Only the till may open a customer display');
    sendJson(res, 200, { path: `${CUSTOMER_DISPLAY_PATH}?code=${session.issueDisplayCode()}` });
  }

  /**
   * Swaps a one-time code for the session cookie, then sends the browser to the same page without
   * the code, so the address bar and a reload never show a spent code. A spent code in a browser
   * that is already signed in (the printed address opened twice) just opens the page.
   */
  function redeemCode(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const redeemed = session.redeem(url.searchParams.get('code') ?? '');
    const known = redeemed?.scope ?? session.scopeOf(req.headers.cookie);
    if (!known) return sendHtml(res, 401, codeRefusedPage);
    const target = redeemed?.scope === 'display' ? CUSTOMER_DISPLAY_PATH : url.pathname;
    res.writeHead(303, {
      Location: target,
      'Cache-Control': 'no-store',
      ...(redeemed ? { 'Set-Cookie': redeemed.setCookie } : {}),
      ...securityHeaders,
    });
    res.end();
  }

  function openEventStream(res: ServerResponse, scope: Scope): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive', ...securityHeaders });
    res.write(': connected\n\n');
    sseClients.set(res, scope);
    res.on('close', () => sseClients.delete(res));
  }

  const unsubscribers = eventNames.map((name) =>
    core.events.on(name, (payload) => {
      const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const [client, scope] of sseClients) if (HostSession.mayReceive(scope, name)) client.write(frame);
    }),
  );
  const heartbeat = setInterval(() => {
    for (const client of sseClients.keys()) client.write(': keep-alive\n\n');
  }, SSE_HEARTBEAT_MS);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  ownHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  session = new HostSession(port);
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    launchUrl: `${url}/?code=${session.issueTillCode()}`,
    async close() {
      clearInterval(heartbeat);
      unsubscribers.forEach((off) => off());
      for (const client of sseClients.keys()) client.end();
      // close() alone waits for every keep-alive connection a browser holds open; end them now.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

type JsonBody = { kind: 'ok'; value: unknown } | { kind: 'invalid' } | { kind: 'too-large' };

async function readJson(req: IncomingMessage): Promise<JsonBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return { kind: 'too-large' };
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { kind: 'ok', value: {} };
  try {
    return { kind: 'ok', value: JSON.parse(text) };
  } catch {
    return { kind: 'invalid' };
  }
}

/** Node reports a request the client cut off as ECONNRESET ("aborted") while its body is read. */
function isClientAbort(req: IncomingMessage, error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ECONNRESET' || (req.destroyed && !req.complete);
}

/** Logged paths lose their query: a one-time code must not reach a log. */
function pathOnly(url: string | undefined): string {
  return (url ?? '/').split('?')[0]!;
}

const codeRefusedPage = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Kassa</title>
<h1>This address has already been used</h1>
<p>The code in Kassa's address works once: the browser that opened it first stays signed in, also after a reload or in a new tab.</p>
<p>To open Kassa in another browser, stop Kassa and start it again, then open the new address it prints.</p>`;

function serveStatic(pathname: string, res: ServerResponse, root: string): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // "%" or a cut-off UTF-8 sequence: the client's mistake, not ours.
    return sendText(res, 400, 'Bad path');
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  let file = join(root, relative);
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep) && file !== root) return sendText(res, 404, 'Not found');
  // Client-side routes (e.g. /customer-display) get the app shell.
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) return sendText(res, 503, 'The renderer is not built. Run: npm run build');
  res.writeHead(200, {
    'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=3600',
    ...securityHeaders,
  });
  createReadStream(file).pipe(res);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...securityHeaders });
  res.end(JSON.stringify(body));
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...securityHeaders });
  res.end(html);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders });
  res.end(text);
}
