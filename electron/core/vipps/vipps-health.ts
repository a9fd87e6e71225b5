import type { EpaymentClient } from './epayment-client';
import { VippsApiError } from './vipps-errors';

/** A reference no payment has: asking for it costs Vipps nothing and proves the path works. */
const PROBE_REFERENCE = 'kassa-health-probe';
const FRESH_MS = 10_000;

/**
 * Whether Vipps MobilePay answers right now, asked before a cashier starts a wallet payment so the
 * till can offer cash instead of leaving a customer waiting. Any HTTP answer (even 404 for the
 * probe reference) means reachable; network trouble, timeouts and 5xx mean not.
 */
export class VippsHealth {
  private last: { reachable: boolean; checkedAt: number } | null = null;

  constructor(
    private readonly epayment: EpaymentClient,
    private readonly now: () => number,
  ) {}

  /** `fresh` asks Vipps again even if the last answer is only seconds old (the cashier pressed Try again). */
  async check(fresh = false): Promise<{ reachable: boolean; checkedAt: number }> {
    if (!fresh && this.last && this.now() - this.last.checkedAt < FRESH_MS) return this.last;
    let reachable = true;
    try {
      await this.epayment.get(PROBE_REFERENCE);
    } catch (error) {
      reachable = !(error instanceof VippsApiError && (error.kind === 'network' || error.kind === 'timeout' || error.kind === 'server'));
    }
    this.last = { reachable, checkedAt: this.now() };
    return this.last;
  }
}
