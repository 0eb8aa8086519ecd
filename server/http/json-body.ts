/** Reads and validates a JSON request body; every failure is a 4xx {@link AppError}. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from './app-error.ts';

export async function readJson<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new AppError('unsupported_media_type', 'Please send the request as JSON (Content-Type: application/json).');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await c.req.text());
  } catch {
    throw new AppError('invalid_json', 'The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    throw new AppError('invalid_body', issues[0]?.message ?? 'The request body is not valid.', issues);
  }
  return parsed.data;
}
