import type { Sandbox } from '../../../electron/sandbox/sandbox-api';

/** The sandbox's control API, as the trainer or a test uses it. */
export class SandboxControl {
  constructor(private readonly sandbox: Sandbox) {}

  async call(method: string, path: string, body?: unknown): Promise<any> {
    const res = await fetch(`${this.sandbox.controlUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 400) throw new Error(`control ${method} ${path} -> ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  }

  advanceClock(ms: number) {
    return this.call('POST', '/clock/advance', { ms });
  }

  forbidSkipLandingPage(msn = '123456') {
    return this.call('PATCH', `/merchants/${msn}`, { skipLandingPageAllowed: false });
  }

  async agreements(): Promise<Array<{ id: string; status: string; externalId?: string }>> {
    return (await this.call('GET', '/agreements')).agreements;
  }

  phonePage(msisdn: string): string {
    return `${this.sandbox.phonePageUrl}/${msisdn}`;
  }
}
