import type { Sandbox } from '../../electron/sandbox/sandbox-api';

/** Calls the sandbox's control API (see electron/sandbox/control-api.ts); throws on any error answer. */
export async function sandboxControl(sandbox: Pick<Sandbox, 'controlUrl'>, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(`${sandbox.controlUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 400) throw new Error(`control ${method} ${path} -> ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}
