import { z } from 'zod';
import { invokeContract, type CoreHandlers, type InvokeName } from '../../shared/contract';
import { KassaError, type Result } from '../../shared/result';
import type { Logger } from './platform/logger';

/**
 * The one way a host calls the core: parse the request with the contract's schema, run the handler,
 * and turn whatever happens into a Result. Nothing is thrown across IPC or HTTP.
 */
export async function dispatch(handlers: CoreHandlers, name: InvokeName, rawRequest: unknown, logger: Logger): Promise<Result<unknown>> {
  const parsed = invokeContract[name].request.safeParse(rawRequest ?? {});
  if (!parsed.success) return validationFailure(parsed.error);
  try {
    const handler = handlers[name] as (request: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof KassaError) return { ok: false, error: error.toAppError() };
    if (error instanceof z.ZodError) return validationFailure(error);
    logger.error('core call failed', { call: name, error: error instanceof Error ? error.message : String(error) });
    return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside Kassa. The sale was kept; try again or call support.', reason: 'INTERNAL_ERROR' } };
  }
}

function validationFailure(error: z.ZodError): Result<never> {
  const issues = namedIssues(error.issues, []);
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path[0] === undefined ? 'request' : String(issue.path[0]);
    fields[key] ??= issue.message;
  }
  const first = issues[0];
  const message = first ? `${first.path.join('.') || 'request'}: ${first.message}` : 'The request is not valid.';
  return { ok: false, error: { code: 'VALIDATION', message, fields } };
}

type Issue = { path: PropertyKey[]; message: string };

/**
 * The issues with the field each is about. A request that matches none of a union's shapes (e.g.
 * `cart.add` by id or by barcode) is judged by the shape it came closest to, so the message names
 * the field that is wrong ("quantity: …") instead of saying the whole request is invalid.
 */
function namedIssues(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[]): Issue[] {
  return issues.flatMap((issue): Issue[] => {
    const path = [...prefix, ...issue.path];
    if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [{ path, message: issue.message }];
    const closest = issue.errors.reduce((best, branch) => (branch.length < best.length ? branch : best));
    return namedIssues(closest, path);
  });
}
