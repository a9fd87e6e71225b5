import { expect, type Locator, type Page } from '@playwright/test';
import { DEMO_STAFF } from '../../../electron/core/staff/staff-service';
import type { StaffRole } from '../../../shared/staff';
import type { ProfileScope } from '../../../shared/subscription';
import type { KassaProcess } from '../../support/kassa-process';

/** What a cashier sees and does, by the screen's stable test ids. */
export class CashierPage {
  constructor(
    readonly page: Page,
    private readonly kassa: KassaProcess,
  ) {}

  /**
   * Opens the address Kassa printed (its one-time code lets this browser in), as a newcomer does,
   * and signs in with the demo PIN the training sign-in screen shows: the manager unless a test
   * is about what a cashier may do.
   */
  async open(role: StaffRole = 'manager'): Promise<void> {
    await this.page.goto(this.kassa.launchUrl);
    await this.signIn(role);
  }

  /**
   * On the sign-in screen, in whatever language it speaks: the demo member's name, then their PIN,
   * which the training sign-in screen shows beside the name.
   */
  async signIn(role: StaffRole, pin?: string): Promise<void> {
    const demo = DEMO_STAFF.find((member) => member.role === role)!;
    const shown = this.page.getByTestId('demo-pins').locator('li').filter({ hasText: demo.name });
    await expect(shown).toContainText(demo.pin);
    await this.page.getByTestId(`staff-${demo.name}`).click();
    await this.page.getByTestId('pin-input').fill(pin ?? demo.pin);
    await this.page.getByTestId('pin-submit').click();
    if (pin === undefined) await expect(this.page.getByTestId('training-banner')).toBeVisible();
  }

  /** One contract call from the page, as the renderer's bridge makes it; throws on a refusal. */
  async api(name: string, body: unknown): Promise<unknown> {
    const result = await this.page.evaluate(
      async ([call, request]) => {
        const res = await fetch(`/api/invoke/${encodeURIComponent(call)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify(request),
        });
        return (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
      },
      [name, body] as const,
    );
    if (!result.ok) throw new Error(`${name} refused: ${result.error?.code} ${result.error?.message}`);
    return result.value;
  }

  /** The cashier presses "Customer display": a new window, signed in for the display only. */
  async openCustomerDisplay(): Promise<Page> {
    const [display] = await Promise.all([this.page.context().waitForEvent('page'), this.page.getByTestId('open-customer-display').click()]);
    await expect(display.getByTestId('display-root')).toBeVisible();
    return display;
  }

  /** A one-time customer-display address, as a cashier would copy it to another browser. */
  async customerDisplayAddress(): Promise<string> {
    const path = await this.page.evaluate(async () => {
      const res = await fetch('/api/display-link', { method: 'POST' });
      return ((await res.json()) as { path: string }).path;
    });
    return `${this.kassa.url}${path}`;
  }

  /**
   * Switches to the subscription view, with one click. (A click once got lost: the tabs moved
   * sideways when the sync status in the header first answered or changed after a reconnect, and
   * a tab that moves between mouse down and up gets no click. The header no longer moves the tabs;
   * header.spec.ts holds it to that.)
   */
  async openSubscriptions(): Promise<void> {
    await this.page.getByTestId('nav-subscriptions').click();
    await expect(this.page.getByTestId('nav-subscriptions')).toHaveAttribute('aria-current', 'page');
  }

  plan(id: string): Locator {
    return this.page.getByTestId(`plan-${id}`);
  }

  async sellTo(planId: string, number: string, options: { country?: 'NO' | 'DK' | 'FI'; scopes?: ProfileScope[] } = {}) {
    await this.openSubscriptions();
    await this.plan(planId).click();
    if (options.country) await this.page.getByTestId('country-select').selectOption(options.country);
    await this.page.getByTestId('phone-input').fill(number);
    for (const scope of options.scopes ?? []) await this.page.getByTestId(`scope-${scope}`).check();
    await this.page.getByTestId('send-to-phone').click();
  }

  get waiting(): Locator {
    return this.page.getByTestId('waiting-screen');
  }

  get outcomeTitle(): Locator {
    return this.page.getByTestId('outcome-title');
  }

  /** The agreement id the waiting screen is for, read from the customer's phone request list. */
  async cancel(): Promise<void> {
    await this.page.getByTestId('cancel-sale').click();
    await this.page.getByTestId('confirm-cancel').click();
  }
}

/** The customer's phone page in the sandbox. */
export class PhonePage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
  }

  async answerFirstRequest(answer: 'approve' | 'reject'): Promise<string> {
    const request = this.page.locator('[data-testid^="request-"]').first();
    await expect(request).toBeVisible();
    const agreementId = (await request.getAttribute('data-testid'))!.replace('request-', '');
    await this.page.getByTestId(`${answer}-${agreementId}`).click();
    return agreementId;
  }
}
