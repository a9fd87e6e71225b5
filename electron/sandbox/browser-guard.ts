/**
 * The control API and the phone pages change state without any key (approve a payment, arm a
 * fault, reset everything), so a web page must not reach them from the trainer's browser. As in
 * the till's web host: the Host header must be the sandbox's own loopback address (no DNS
 * rebinding), and an Origin, when the browser sends one, must be the sandbox's own (no other site's
 * form or fetch). Node clients (tests, the chaos driver) send our Host and no Origin, and pass.
 */
export function guardsPath(path: string): boolean {
  return path === '/_control' || path.startsWith('/_control/') || path === '/phone' || path.startsWith('/phone/');
}

/** Null when the request may go on; otherwise the status and reason to answer with. */
export function browserGuard(headers: Record<string, string>, port: number): { status: number; detail: string } | null {
  const ownHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!ownHosts.includes(headers.host ?? '')) return { status: 421, detail: 'Unknown host' };
  const origin = headers.origin;
  if (origin !== undefined && !ownHosts.some((host) => origin === `http://${host}`)) {
    return { status: 403, detail: 'Cross-origin requests to the control API and the phone pages are not allowed' };
  }
  return null;
}
