/**
 * Validates recorded HTTP exchanges (what the sandbox saw Kassa send and what it answered)
 * against the official Vipps MobilePay OpenAPI files, with openapi-backend as the validator.
 *
 * Per exchange: match the operation by method + path (each spec under its server's path, e.g.
 * ePayment's `/v1/...` under `/epayment`); validate the request (path params, query, headers,
 * security, Content-Type, body) and the response (status, Content-Type, headers, body). A path no
 * spec has (the sandbox's billing API, userinfo — not in the folder —, phone pages, control API)
 * is skipped and counted, never silently passed.
 */
import type { Operation, ValidationResult } from 'openapi-backend';
import type { RecordedExchange } from '../../../electron/sandbox/sandbox-api';
import { baseMediaType, createVippsApi, ERRATA, loadVippsSpec, VIPPS_SPECS, type Erratum, type LoadedSpec, type VippsApi, type VippsSpecName } from './load-vipps-spec';

type ErrorObject = NonNullable<ValidationResult['errors']>[number];

/**
 * Statuses the APIs answer with although most operations do not document them (§10.10 of
 * ../shared/notes/vipps-api.md: "Many operations document no 401, 404, 429 or 500").
 * Such a response is reported as "undocumented status" and is not a violation; any other
 * undocumented status is.
 */
export const ALLOWED_UNDOCUMENTED_STATUSES: readonly number[] = [401, 404, 429, 500];

export interface ExchangeCheck {
  exchange: RecordedExchange;
  /** `recurring-v3 DraftAgreementV3`, or null when the exchange was skipped. */
  operation: string | null;
  skipped: boolean;
  violations: string[];
  /** The response status, when the spec does not document it for this operation. */
  undocumentedStatus: number | null;
  /** Parts that could not be checked against a schema, and why. */
  unchecked: string[];
}

export interface ContractValidator {
  apis: VippsApi[];
  check(exchange: RecordedExchange): ExchangeCheck;
  /** The human-readable violations of one exchange; [] when it conforms (or was skipped). */
  validateExchange(exchange: RecordedExchange): string[];
}

/**
 * `errata`: default ERRATA (tests remove one to prove it is needed). `specs`: default all primary
 * files; a path none of the loaded specs has is skipped.
 */
export async function createContractValidator(options: { errata?: readonly Erratum[]; specs?: readonly VippsSpecName[] } = {}): Promise<ContractValidator> {
  return createSpecValidator((options.specs ?? VIPPS_SPECS).map((name) => loadVippsSpec(name, options)), { allowedUndocumentedStatuses: ALLOWED_UNDOCUMENTED_STATUSES });
}

/**
 * The same validator for any loaded spec (loadSpecFile), e.g. Kassa's own billing API.
 * `allowedUndocumentedStatuses` (default none): statuses reported as undocumented rather than as
 * violations when an operation does not list them — the Vipps files need §10.10's list; a
 * document that lists its statuses needs none.
 */
export async function createSpecValidator(specs: readonly LoadedSpec[], options: { allowedUndocumentedStatuses?: readonly number[] } = {}): Promise<ContractValidator> {
  const apis = await Promise.all(specs.map((spec) => createVippsApi(spec)));
  const allowed = options.allowedUndocumentedStatuses ?? [];
  const check = (exchange: RecordedExchange) => checkExchange(apis, exchange, allowed);
  return { apis, check, validateExchange: (exchange) => check(exchange).violations };
}

function checkExchange(apis: VippsApi[], exchange: RecordedExchange, allowed: readonly number[]): ExchangeCheck {
  const result: ExchangeCheck = { exchange, operation: null, skipped: false, violations: [], undocumentedStatus: null, unchecked: [] };
  const label = `${exchange.method} ${exchange.path} → ${exchange.status}`;
  const request = { method: exchange.method, path: exchange.path, headers: { ...exchange.requestHeaders }, query: { ...exchange.query }, body: exchange.requestBody };

  let match: { api: VippsApi; operation: Operation } | null = null;
  for (const api of apis) {
    try {
      match = { api, operation: api.api.router.matchOperation(request, true) };
      break;
    } catch (error) {
      const message = String((error as Error).message);
      if (message.startsWith('405')) {
        result.operation = `${api.spec.name} ${exchange.path}`;
        result.violations.push(`${label}: the ${api.spec.name} spec has this path but no ${exchange.method} operation on it`);
        return result;
      }
      if (!message.startsWith('404')) throw error;
    }
  }
  if (!match) {
    result.skipped = true;
    return result;
  }

  const { api, operation } = match;
  const op = operation as any;
  result.operation = `${api.spec.name} ${op.operationId}`;
  const prefix = `${label} [${result.operation}]`;
  const add = (message: string) => {
    const line = `${prefix} ${message}`;
    if (!result.violations.includes(line)) result.violations.push(line);
  };

  try {
    checkRequest(api, op, exchange, request, add);
    checkResponse(api, op, exchange, result, add, allowed);
  } catch (error) {
    // A schema ajv cannot compile is a finding too (it usually means a missing erratum).
    add(`could not be validated: ${(error as Error).message}`);
  }
  return result;
}

function checkRequest(api: VippsApi, op: any, exchange: RecordedExchange, request: any, add: (m: string) => void): void {
  const body = exchange.requestBody;
  const declared = op.requestBody?.content ? Object.keys(op.requestBody.content) : [];
  if (body !== null) {
    const contentType = exchange.requestHeaders['content-type'];
    if (declared.length === 0) add(`request has a body, but the operation takes none`);
    else if (!contentType || !declared.map(baseMediaType).includes(baseMediaType(contentType))) {
      add(`request Content-Type ${contentType ?? '(none)'} is not one the spec declares (${declared.join(', ')})`);
    }
  }

  for (const problem of securityProblems(api, op, exchange.requestHeaders)) add(problem);

  // openapi-backend checks path, query and header parameters and the JSON body. It coerces
  // parameters in place, hence the copies in `request`.
  const validation = api.api.validator.validateRequest({ ...request, body: body === null ? undefined : body }, op);
  const parsed = api.api.router.parseRequest({ ...request, headers: { ...exchange.requestHeaders }, query: { ...exchange.query } }, op);
  const data = { path: parsed.params, query: parsed.query, header: parsed.headers, requestBody: body };
  for (const error of validation.errors ?? []) add(describeError(error, data, 'request'));
}

/** The operation's security requirements (or the document's), for API keys and bearer tokens in headers. */
function securityProblems(api: VippsApi, op: any, headers: Record<string, string>): string[] {
  const document = api.api.definition as any;
  const requirements: Array<Record<string, string[]>> = op.security ?? document.security ?? [];
  if (requirements.length === 0) return [];
  const schemes = document.components?.securitySchemes ?? {};
  const unmet = requirements.map((requirement) =>
    Object.keys(requirement).filter((name) => {
      const scheme = schemes[name];
      if (scheme?.type === 'apiKey' && scheme.in === 'header') return !headers[String(scheme.name).toLowerCase()];
      if (scheme?.type === 'http' && scheme.scheme === 'bearer') return !/^Bearer \S+$/.test(headers.authorization ?? '');
      return false; // other kinds are not used by these specs
    }),
  );
  if (unmet.some((names) => names.length === 0)) return [];
  return [`request does not meet the security requirement (${unmet.map((names) => names.join(' + ')).join(' or ')})`];
}

function documentedResponse(op: any, status: number): any {
  const responses = op.responses ?? {};
  return responses[String(status)] ?? responses[`${Math.floor(status / 100)}XX`] ?? responses.default;
}

function checkResponse(api: VippsApi, op: any, exchange: RecordedExchange, result: ExchangeCheck, add: (m: string) => void, allowed: readonly number[]): void {
  const { status } = exchange;
  if (exchange.fault && exchange.fault !== 'latency') {
    result.unchecked.push(`response: shaped by an injected fault (${exchange.fault}), not the API's answer`);
    return;
  }
  const response = documentedResponse(op, status);
  if (!response) {
    result.undocumentedStatus = status;
    const documented = Object.keys(op.responses ?? {}).join(', ');
    if (allowed.includes(status)) {
      result.unchecked.push(`response: status ${status} is not documented (documented: ${documented}); allowed by §10.10, body not checked`);
    } else if (allowed.length > 0) {
      add(`response status ${status} is not documented for this operation (documented: ${documented}) and is not one of the statuses §10.10 allows (${allowed.join(', ')})`);
    } else {
      add(`response status ${status} is not documented for this operation (documented: ${documented})`);
    }
    return;
  }

  const body = exchange.responseBody;
  const declared: string[] = response['x-declared-media-types'] ?? Object.keys(response.content ?? {});
  if (declared.length === 0) {
    if (body === null) return;
    if (status < 400) add(`response has a body, but the spec declares none for ${status}: ${preview(body)}`);
    else result.unchecked.push(`response: the spec declares no body for ${status}; body not checked`);
    return;
  }
  if (body === null) {
    add(`response has no body, but the spec declares ${declared.join(', ')} for ${status}`);
    return;
  }
  const contentType = exchange.responseHeaders['content-type'];
  if (!contentType || !declared.map(baseMediaType).includes(baseMediaType(contentType))) {
    add(`response Content-Type ${contentType ?? '(none)'} is not one the spec declares for ${status} (${declared.join(', ')})`);
  }
  if (!response.content['application/json']) {
    result.unchecked.push(`response: ${declared.join(', ')} is not JSON; body not checked`);
    return;
  }
  const validation = api.api.validator.validateResponse(body, op, status);
  for (const error of validation.errors ?? []) add(describeError(error, body, 'response body'));
  const headers = api.api.validator.validateResponseHeaders(exchange.responseHeaders, op, { statusCode: status });
  for (const error of headers.errors ?? []) add(describeError(error, { headers: exchange.responseHeaders }, 'response'));
}

/** e.g. `request body /pricing/amount must be integer (got "199")`, `request header /authorization is missing` */
function describeError(error: ErrorObject, data: unknown, where: string): string {
  let path = error.instancePath;
  let place = where;
  const section = /^\/(requestBody|header|query|path)(?=\/|$)/.exec(path);
  if (section) {
    place = { requestBody: 'request body', header: 'request header', query: 'request query', path: 'request path parameter' }[section[1] as 'header'];
    path = path.slice(section[0].length);
  }
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
    if (place === 'request' && params.missingProperty === 'requestBody') return 'request body is missing';
    return `${place} ${path}/${params.missingProperty} is missing (required)`;
  }
  const details: string[] = [];
  if (Array.isArray(params.allowedValues)) details.push(`allowed: ${params.allowedValues.join(', ')}`);
  if (typeof params.additionalProperty === 'string') details.push(`property ${params.additionalProperty}`);
  details.push(`got ${preview(valueAt(data, error.instancePath))}`);
  return `${place} ${path || '/'} ${error.message ?? error.keyword} (${details.join('; ')})`;
}

function valueAt(data: unknown, pointer: string): unknown {
  let node: any = data;
  for (const key of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = node[key.replaceAll('~1', '/').replaceAll('~0', '~')];
  }
  return node;
}

function preview(value: unknown): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** The errata in force, one line each, for reports. */
export function describeErrata(errata: readonly Erratum[] = ERRATA): string[] {
  return errata.map((erratum) => `${erratum.cites} ${erratum.spec} ${erratum.id}`);
}

export interface ContractSummary {
  /** `recurring-v3 DraftAgreementV3 201` → count */
  validated: Record<string, number>;
  /** Path prefix (first two segments) → count. */
  skipped: Record<string, number>;
  undocumented: string[];
  unchecked: string[];
  violations: string[];
}

export function summarise(checks: ExchangeCheck[]): ContractSummary {
  const summary: ContractSummary = { validated: {}, skipped: {}, undocumented: [], unchecked: [], violations: [] };
  for (const check of checks) {
    const { method, path, status } = check.exchange;
    if (check.skipped) {
      const key = `${method} /${path.split('/').slice(1, 3).join('/')}/…`;
      summary.skipped[key] = (summary.skipped[key] ?? 0) + 1;
      continue;
    }
    const key = `${check.operation} ${status}`;
    summary.validated[key] = (summary.validated[key] ?? 0) + 1;
    if (check.undocumentedStatus !== null) summary.undocumented.push(`${method} ${path} → ${status} [${check.operation}]`);
    summary.unchecked.push(...check.unchecked.map((note) => `${method} ${path} → ${status}: ${note}`));
    summary.violations.push(...check.violations);
  }
  return summary;
}

export function formatSummary(summary: ContractSummary, title = 'Vipps contract'): string {
  const count = (record: Record<string, number>) => Object.values(record).reduce((a, b) => a + b, 0);
  const lines = [`${title}: ${count(summary.validated)} exchanges validated, ${count(summary.skipped)} skipped (no spec), ${summary.violations.length} violations`];
  for (const [key, n] of Object.entries(summary.validated).sort()) lines.push(`  ${String(n).padStart(3)}  ${key}`);
  for (const [key, n] of Object.entries(summary.skipped).sort()) lines.push(`  ${String(n).padStart(3)}  skipped ${key}`);
  for (const line of summary.undocumented) lines.push(`  undocumented status: ${line}`);
  for (const line of summary.unchecked) lines.push(`  not checked: ${line}`);
  return lines.join('\n');
}
