/**
 * Reads and validates a JSON body with zod, turning every problem into a 400/422 ApiError
 * with one localised message per field. Never throws anything but ApiError.
 */
import type { Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from '../env';
import { ApiError } from './errors';
import type { MessageKey } from './i18n';

type FieldError = { key: MessageKey; params?: Record<string, string | number> };

function fieldErrorOf(issue: z.core.$ZodIssue): FieldError {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? { key: 'field_required' } : { key: 'field_invalid' };
    case 'too_small':
      return { key: 'field_required' };
    case 'too_big':
      return { key: 'field_too_long', params: { max: Number(issue.maximum) } };
    default:
      return issue.message === 'phone_invalid' ? { key: 'phone_invalid' } : { key: 'field_invalid' };
  }
}

/** Validates an already-parsed value; on failure throws 422 `validation_failed` with field messages. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields: Record<string, FieldError> = {};
  for (const issue of result.error.issues) {
    const name = issue.path.join('.') || '_';
    fields[name] ??= fieldErrorOf(issue);
  }
  throw new ApiError(422, 'validation_failed', {}, fields);
}

/** Parses the request's JSON body (400 `invalid_json` when it is not JSON) and validates it. */
export async function jsonBody<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<z.infer<S>> {
  let value: unknown;
  try {
    value = await c.req.json();
  } catch {
    throw new ApiError(400, 'invalid_json');
  }
  return validate(schema, value);
}
