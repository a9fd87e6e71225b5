/**
 * Small field checkers that collect every problem in a body instead of stopping at the first one,
 * as the real API does (its 400 lists each failing field in `extraDetails`). Field names are the
 * JSON paths of the request, dotted: `phoneNumber`, `pricing.currency`, `initialCharge.description`.
 */
import { Problem, type ExtraDetail } from '../problems';

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class FieldErrors {
  readonly list: ExtraDetail[] = [];

  add(name: string, reason: string): void {
    this.list.push({ name, reason });
  }

  has(name: string): boolean {
    return this.list.some((detail) => detail.name === name);
  }

  throwIfAny(detail = 'The request body contains one or more validation errors.'): void {
    if (this.list.length > 0) throw new Problem(400, 'validation-error', detail, this.list);
  }
}

const INT32_MAX = 2_147_483_647;

interface StringRule {
  required?: boolean;
  /** JSON null is accepted and treated as absent. */
  nullable?: boolean;
  min?: number;
  max?: number;
  pattern?: RegExp;
  patternReason?: string;
}

export function readString(errors: FieldErrors, obj: Json, key: string, path: string, rule: StringRule = {}): string | undefined {
  const value = obj[key];
  if (value === undefined || (value === null && rule.nullable)) {
    if (rule.required) errors.add(path, 'Is required');
    return undefined;
  }
  if (typeof value !== 'string') {
    errors.add(path, 'Must be a string');
    return undefined;
  }
  if (rule.min !== undefined && value.length < rule.min) {
    errors.add(path, rule.min === 1 ? 'Must not be empty' : `Must be at least ${rule.min} characters`);
    return undefined;
  }
  if (rule.max !== undefined && value.length > rule.max) {
    errors.add(path, `Must be at most ${rule.max} characters`);
    return undefined;
  }
  if (rule.pattern && !rule.pattern.test(value)) {
    errors.add(path, rule.patternReason ?? `Must match ${rule.pattern.source}`);
    return undefined;
  }
  return value;
}

interface IntRule {
  required?: boolean;
  min?: number;
  max?: number;
}

/** Amounts and counts are int32 in the spec; floats ("99.5") and numeric strings are refused. */
export function readInt(errors: FieldErrors, obj: Json, key: string, path: string, rule: IntRule = {}): number | undefined {
  const value = obj[key];
  if (value === undefined || value === null) {
    if (rule.required) errors.add(path, 'Is required');
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) > INT32_MAX) {
    errors.add(path, 'Must be an integer (minor units for amounts)');
    return undefined;
  }
  if (rule.min !== undefined && value < rule.min) {
    errors.add(path, `Must be at least ${rule.min}`);
    return undefined;
  }
  if (rule.max !== undefined && value > rule.max) {
    errors.add(path, `Must be at most ${rule.max}`);
    return undefined;
  }
  return value;
}

export function readEnum<T extends string>(
  errors: FieldErrors,
  obj: Json,
  key: string,
  path: string,
  values: readonly T[],
  rule: { required?: boolean } = {},
): T | undefined {
  const value = obj[key];
  if (value === undefined || value === null) {
    if (rule.required) errors.add(path, 'Is required');
    return undefined;
  }
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
    errors.add(path, `Must be one of: ${values.join(', ')}`);
    return undefined;
  }
  return value as T;
}

export function readBoolean(errors: FieldErrors, obj: Json, key: string, path: string): boolean | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') {
    errors.add(path, 'Must be true or false');
    return undefined;
  }
  return value;
}

export function readObject(errors: FieldErrors, obj: Json, key: string, path: string, rule: { required?: boolean } = {}): Json | undefined {
  const value = obj[key];
  if (value === undefined || value === null) {
    if (rule.required) errors.add(path, 'Is required');
    return undefined;
  }
  if (!isObject(value)) {
    errors.add(path, 'Must be an object');
    return undefined;
  }
  return value;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** An RFC 3339 date-time, returned as epoch ms. */
export function readDateTime(errors: FieldErrors, obj: Json, key: string, path: string, rule: { required?: boolean } = {}): number | undefined {
  const value = readString(errors, obj, key, path, { required: rule.required });
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (!RFC3339.test(value) || Number.isNaN(ms)) {
    errors.add(path, 'Must be an RFC 3339 date-time, e.g. 2026-12-25T00:00:00Z');
    return undefined;
  }
  return ms;
}

/** A body that must be a JSON object; anything else is a validation error on the body itself. */
export function requireObjectBody(body: unknown): Json {
  if (!isObject(body)) throw new Problem(400, 'validation-error', 'The request body must be a JSON object.', [{ name: 'body', reason: 'Must be a JSON object' }]);
  return body;
}
