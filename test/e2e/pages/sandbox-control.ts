import type { Sandbox } from '../../../electron/sandbox/sandbox-api';
import { sandboxControl } from '../../support/sandbox-control';

/** The sandbox's control API, as the trainer or a test uses it. */
export class SandboxControl {
  constructor(private readonly sandbox: Sandbox) {}

  call(method: string, path: string, body?: unknown): Promise<any> {
    return sandboxControl(this.sandbox, method, path, body);
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
