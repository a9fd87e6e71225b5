/**
 * The sandbox's public surface, used by training mode, the tests, the bench and `npm run sandbox`.
 * The sandbox is a real HTTP server on loopback that plays Vipps MobilePay (access token,
 * Recurring v3, ePayment v1, userinfo) and the shop's billing backend.
 */
export interface SandboxOptions {
  /** Default 0 (any free port). Always bound to 127.0.0.1. */
  port?: number;
  /**
   * Where the sandbox's own time comes from; default Date.now. The control API's clock advance is
   * added on top, so tests can expire a 10-minute agreement in milliseconds.
   */
  now?: () => number;
  /** Merchants (sales units) the sandbox knows; default: the training merchant, whitelisted. */
  merchants?: SandboxMerchant[];
  /** Record every exchange for contract tests (default true; the bench turns it off). */
  recordExchanges?: boolean;
  /** The billing backend's one API key (Bearer); default the training shops' keys (trainingBillingKeys). */
  billingApiKey?: string;
}

export interface SandboxMerchant {
  msn: string;
  clientId: string;
  clientSecret: string;
  subscriptionKey: string;
  skipLandingPageAllowed: boolean;
  countryCode: 'NO' | 'DK' | 'FI';
  /** Shown on the customer's phone; default "Sales unit <msn>". */
  name?: string;
  /** UNSCHEDULED charges need allow-listing by Vipps MobilePay; default false. */
  unscheduledChargesAllowed?: boolean;
  /**
   * ePayment `userFlow: PUSH_MESSAGE` needs approval per sales unit (error 5080 otherwise); default
   * true. Separate from `skipLandingPageAllowed`, Recurring's flag for the same idea, because the
   * two are switched on separately by Vipps MobilePay.
   */
  pushMessageAllowed?: boolean;
}

export interface RecordedExchange {
  method: string;
  /** Path without the query string, e.g. /recurring/v3/agreements/agr_x or /epayment/v1/payments/ref-1 */
  path: string;
  query: Record<string, string>;
  requestHeaders: Record<string, string>;
  /** Parsed JSON body, or the raw text when it was not JSON, or null when empty. */
  requestBody: unknown;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: unknown;
  /**
   * Set when an injected fault shaped this exchange. `drop`: no response was sent (status 0, body
   * null). `process-then-drop`: status/body are what the sandbox computed and then threw away with
   * the connection — the client never saw them. `status`: an injected 5xx, not the API's answer.
   */
  fault?: 'latency' | 'status' | 'rate-limit' | 'drop' | 'process-then-drop';
}

export interface Sandbox {
  /** API base URL, e.g. http://127.0.0.1:4567 (Vipps paths hang off it: /accesstoken/get, /recurring/v3/..., /epayment/v1/...). */
  readonly url: string;
  /** Index of customer phones: `${url}/phone`. */
  readonly phonePageUrl: string;
  /** Control API base: `${url}/_control`. */
  readonly controlUrl: string;
  readonly exchanges: RecordedExchange[];
  /** The sandbox's current time (its clock plus any advance). */
  now(): number;
  close(): Promise<void>;
}
