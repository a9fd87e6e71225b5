/**
 * The primary Vipps MobilePay OpenAPI files the contract tests use, and where Vipps MobilePay
 * publishes each (see ../shared/vipps/openapi/SOURCES.md). The dated copies in the reference
 * folder are kept there only for diffing and are not needed here.
 */
const PUBLISHED = 'https://developer.vippsmobilepay.com/redocusaurus';

export const VIPPS_SPEC_SOURCES = [
  { name: 'recurring-v3', url: `${PUBLISHED}/recurring-swagger-id.yaml` },
  { name: 'access-token', url: `${PUBLISHED}/access-token-swagger-id.yaml` },
  { name: 'epayment-v1', url: `${PUBLISHED}/epayment-swagger-id.yaml` },
  { name: 'webhooks', url: `${PUBLISHED}/webhooks-swagger-id.yaml` },
  { name: 'order-management-v2', url: `${PUBLISHED}/order-management-swagger-id.yaml` },
] as const;

export type VippsSpecName = (typeof VIPPS_SPEC_SOURCES)[number]['name'];

export const VIPPS_SPECS: readonly VippsSpecName[] = VIPPS_SPEC_SOURCES.map((source) => source.name);

/** The file a spec is kept in, in any spec folder. */
export const specFile = (name: VippsSpecName) => `${name}.yaml`;
