/**
 * The demo shop each training country's till sells from: plans and goods in its own currency, since
 * a till refuses every catalogue entry priced in another (a Danish till shown the Norwegian
 * catalogue would start with nothing to sell). Norway's is catalogue.ts + products.ts; Denmark's
 * and Finland's live beside it.
 */
import { trainingBillingKeys, type TrainingCountry } from '../training-credentials';
import { defaultCatalogue, type BillingPlan } from './catalogue';
import { danishDemoPlans, danishDemoProducts } from './demo-denmark';
import { finnishDemoPlans, finnishDemoProducts } from './demo-finland';
import { defaultProducts, type BillingProduct } from './products';

export interface DemoShop {
  plans: BillingPlan[];
  products: BillingProduct[];
}

export const DEMO_COUNTRIES: readonly TrainingCountry[] = ['NO', 'DK', 'FI'];

/** `now`: the sandbox clock, so campaign dates lie ahead of it. */
export function demoShop(country: TrainingCountry, now: number): DemoShop {
  switch (country) {
    case 'NO':
      return { plans: defaultCatalogue(now), products: defaultProducts() };
    case 'DK':
      return { plans: danishDemoPlans(now), products: danishDemoProducts() };
    case 'FI':
      return { plans: finnishDemoPlans(now), products: finnishDemoProducts() };
  }
}

/**
 * The training shop a till key belongs to. Any other key (one the sandbox was started with, or one
 * a test added through the control API) is a Norwegian shop's, as every key was before Denmark and
 * Finland had shops of their own.
 */
export function shopCountryOfKey(key: string): TrainingCountry {
  return DEMO_COUNTRIES.find((country) => trainingBillingKeys[country] === key) ?? 'NO';
}
