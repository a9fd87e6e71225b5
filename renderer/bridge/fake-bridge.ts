import type { EventName, EventPayload, InvokeName, InvokeRequest, InvokeResponse } from '../../shared/contract';
import type { AppInfo } from '../../shared/app-info';
import type { PlanCatalogue } from '../../shared/catalogue';
import { checkPhone } from '../../shared/phone';
import { fail, ok, type Result } from '../../shared/result';
import { isFinalSubscriptionStatus, type SubscriptionSale } from '../../shared/subscription';
import { createFakeGoods } from './fake-goods';
import { createFakeSync } from './fake-sync';
import type { HostBridge } from './host-bridge';

/**
 * An in-memory core for design work (`/?fake`, `/?fake=cache` for the offline catalogues,
 * `/?fake=empty` for a day without sales). Goods, payments and the customer display are in
 * fake-goods.ts; the reports to the billing backend and Vipps MobilePay's health in fake-sync.ts
 * (`/?fake=offline`, `paused`, `refused`, `vipps-down`). A subscription sale
 * goes requested -> pending -> (capturing) -> active over a few seconds. The last two digits of the
 * number pick another ending, so every screen can be reached by hand:
 *   00 declined, 01 expired, 02 first payment failed, 03 failed, 04 push not allowed,
 *   05 number refused, 06 Vipps unreachable for a while, 09 waits until it expires.
 */
const PENDING_AFTER_MS = 1_500;
const DECIDED_AFTER_MS = 8_000;
const EXPIRES_IN_MS = 10 * 60_000;

const appInfo: AppInfo = {
  version: '0.0.0-fake',
  mode: 'training',
  shop: { name: 'Sykkelverkstedet Grünerløkka', country: 'NO', currency: 'NOK', locale: 'nb-NO' },
  tillId: 'till-2',
  phonePageUrl: 'about:blank',
};

function catalogue(variant: string): PlanCatalogue {
  return {
    source: variant === 'cache' ? 'cache' : 'live',
    fetchedAt: variant === 'cache' ? Date.now() - 3 * 3_600_000 : Date.now(),
    plans: [
      { id: 'basic', name: 'Workshop Basic', description: 'Two services a year and 10 % off parts', currency: 'NOK', pricing: { type: 'LEGACY', amount: 19900 }, interval: { unit: 'MONTH', count: 1 } },
      {
        id: 'plus', name: 'Workshop Plus', description: 'Unlimited services, free tubes and a welcome kit', currency: 'NOK',
        pricing: { type: 'LEGACY', amount: 34900 }, interval: { unit: 'MONTH', count: 1 },
        campaign: { type: 'PRICE_CAMPAIGN', price: 9900, end: '2026-12-31T23:59:59+01:00' },
        initialCharge: { amount: 29900, description: 'Welcome kit', transactionType: 'RESERVE_CAPTURE' },
      },
      {
        id: 'family', name: 'Family', description: 'Up to four bikes in one household', currency: 'NOK',
        pricing: { type: 'LEGACY', amount: 89900 }, interval: { unit: 'MONTH', count: 3 },
        campaign: { type: 'PERIOD_CAMPAIGN', price: 49900, period: { unit: 'MONTH', count: 6 } },
        initialCharge: { amount: 9900, description: 'Sign-up fee', transactionType: 'DIRECT_CAPTURE' },
      },
      {
        id: 'season', name: 'Season Pass', currency: 'NOK', pricing: { type: 'LEGACY', amount: 149000 }, interval: { unit: 'YEAR', count: 1 },
        campaign: { type: 'EVENT_CAMPAIGN', price: 100, eventDate: '2027-03-01T00:00:00+01:00', eventText: 'until spring' },
      },
      { id: 'ebike', name: 'E-bike Care', description: 'Pay for what the bike needs, capped each month', currency: 'NOK', pricing: { type: 'VARIABLE', suggestedMaxAmount: 50000 }, interval: { unit: 'MONTH', count: 1 } },
    ],
    rejected: [{ id: 'gold-legacy', name: 'Gold (2019)', reason: 'The name is longer than Vipps MobilePay allows (45 characters).' }],
  };
}

export function createFakeBridge(variant: string): HostBridge {
  const sales = new Map<string, SubscriptionSale>();
  const timers = new Map<string, ReturnType<typeof setTimeout>[]>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  function emit<N extends EventName>(name: N, payload: EventPayload<N>) {
    for (const listener of listeners.get(name) ?? []) listener(structuredClone(payload));
  }
  const sync = createFakeSync(emit, variant);

  function update(id: string, patch: Partial<SubscriptionSale>) {
    const sale = sales.get(id);
    if (!sale || isFinalSubscriptionStatus(sale.status)) return;
    const next = { ...sale, ...patch, updatedAt: Date.now() };
    sales.set(id, next);
    emit('subscription.changed', next);
    if (next.status === 'active') sync.report('agreement', id);
  }

  function later(id: string, ms: number, patch: () => Partial<SubscriptionSale>) {
    timers.set(id, [...(timers.get(id) ?? []), setTimeout(() => update(id, patch()), ms)]);
  }

  function start(request: InvokeRequest<'subscription.start'>): Result<SubscriptionSale> {
    const plan = catalogue(variant).plans.find((p) => p.id === request.planId);
    if (!plan) return fail('VALIDATION', 'That plan is no longer on sale.', { planId: 'That plan is no longer on sale.' });
    const phone = checkPhone(request.phone.country, request.phone.number);
    if (phone.state !== 'valid') return fail('VALIDATION', 'Check the phone number.', { phone: 'This is not a complete mobile number.' });
    const ending = phone.national.slice(-2);
    if (ending === '04') return fail('SKIP_LANDING_PAGE_NOT_ALLOWED', 'Vipps MobilePay has not allowed this shop to send agreements straight to phones. Ask the shop manager to contact Vipps MobilePay.');
    if (ending === '05') return fail('VIPPS_REJECTED', 'Vipps MobilePay did not accept the number.', { phone: 'Vipps MobilePay has no user with this number.' });

    const id = `fake-${Date.now()}`;
    const now = Date.now();
    const unreachable = ending === '06';
    const sale: SubscriptionSale = {
      id, createdAt: now, updatedAt: now, plan, phone: { country: request.phone.country, msisdn: phone.msisdn },
      profileScopes: request.profileScopes, status: 'requested', agreementId: null, confirmationUrl: null, expiresAt: null,
      initialCharge: plan.initialCharge ? { chargeId: null, status: null } : null, profile: null,
      problem: unreachable ? { code: 'VIPPS_UNAVAILABLE', message: 'Vipps MobilePay is not answering. Kassa keeps trying.' } : null,
      outcomeReason: null, cancelRequested: false,
    };
    sales.set(id, sale);

    const pendingAt = unreachable ? 6_000 : PENDING_AFTER_MS;
    later(id, pendingAt, () => ({
      status: 'pending', problem: null, agreementId: 'agr_FAKE' + id.slice(-5),
      confirmationUrl: `https://api.vipps.no/v2/register/FAKE${id.slice(-6)}`, expiresAt: Date.now() + EXPIRES_IN_MS,
    }));
    const decidedAt = pendingAt + DECIDED_AFTER_MS;
    const decline = { status: 'rejected' as const };
    const endings: Record<string, Partial<SubscriptionSale>> = {
      '00': decline,
      '01': { status: 'expired' },
      '02': { status: 'expired', outcomeReason: 'initial-charge-failed', initialCharge: { chargeId: 'chr-fake', status: 'FAILED' } },
      '03': { status: 'failed', problem: { code: 'VIPPS_REJECTED', message: 'Vipps MobilePay stopped the agreement. Try again or use another payment.' } },
    };
    if (ending === '09') return ok(sale);
    if (endings[ending]) {
      later(id, decidedAt, () => endings[ending]!);
      return ok(sale);
    }
    const profile = {
      ...(request.profileScopes.includes('name') ? { name: 'Kari Nordmann' } : {}),
      ...(request.profileScopes.includes('email') ? { email: 'kari@example.no' } : {}),
      ...(request.profileScopes.includes('address') ? { address: 'Thorvald Meyers gate 1, 0555 Oslo' } : {}),
    };
    const active = () => ({ status: 'active' as const, profile, initialCharge: plan.initialCharge ? { chargeId: 'chr-fake', status: 'CHARGED' } : null });
    if (plan.initialCharge?.transactionType === 'RESERVE_CAPTURE') {
      later(id, decidedAt, () => ({ status: 'capturing', initialCharge: { chargeId: 'chr-fake', status: 'RESERVED' } }));
      later(id, decidedAt + 2_000, active);
    } else {
      later(id, decidedAt, active);
    }
    return ok(sale);
  }

  function cancel(saleId: string): Result<SubscriptionSale> {
    const sale = sales.get(saleId);
    if (!sale) return fail('NOT_FOUND', 'That sale is not known.');
    if (isFinalSubscriptionStatus(sale.status)) return fail('CONFLICT', 'The sale has already ended.');
    for (const timer of timers.get(saleId) ?? []) clearTimeout(timer);
    update(saleId, { status: 'cancelled', cancelRequested: true, outcomeReason: 'cancelled-by-cashier' });
    return ok(sales.get(saleId)!);
  }

  // Partial: a call added to the contract for another screen answers plainly until the fake learns it.
  const handlers: { [N in InvokeName]?: (request: InvokeRequest<N>) => Result<InvokeResponse<N>> } = {
    'app.info': () => ok(appInfo),
    'catalogue.plans': () => ok(catalogue(variant)),
    'subscription.start': start,
    'subscription.get': ({ saleId }) => {
      const sale = sales.get(saleId);
      return sale ? ok(sale) : fail('NOT_FOUND', 'That sale is not known.');
    },
    'subscription.current': () => ok([...sales.values()].find((s) => !isFinalSubscriptionStatus(s.status)) ?? null),
    'subscription.cancel': ({ saleId }) => cancel(saleId),
    ...createFakeGoods(emit, variant, sync.report),
    ...sync.handlers,
  };

  return {
    async invoke(name, request) {
      // A little latency so busy states are visible while designing.
      await new Promise((resolve) => setTimeout(resolve, 250));
      const handler = handlers[name] as ((request: InvokeRequest<typeof name>) => Result<InvokeResponse<typeof name>>) | undefined;
      if (!handler) return fail('INTERNAL', `The design-time fake does not simulate ${name}.`);
      return structuredClone(handler(request));
    },
    on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => void set.delete(wrapped);
    },
    onConnectionChange: () => () => {},
  };
}
