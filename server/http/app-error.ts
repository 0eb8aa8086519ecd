/**
 * The one typed error of the HTTP API. Handlers throw it for every expected failure; `app.onError`
 * turns it (and anything unexpected) into the contract's `{"error":{"code","message"}}` shape.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { errorStatus, type ErrorBody, type ErrorCode } from '../../shared/errors.ts';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues?: { path: string; message: string }[];
  /** Sent as `Retry-After` (seconds), for `rate_limited`. */
  retryAfterSeconds?: number;
  constructor(code: ErrorCode, message: string, issues?: { path: string; message: string }[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
  }
  get status(): ContentfulStatusCode {
    return errorStatus[this.code];
  }
}

/** Renders any thrown value as an error response; unexpected ones are reported, not shown. */
export function errorResponse(c: Context, error: unknown, report: (error: unknown) => void): Response {
  let appError: AppError;
  if (error instanceof AppError) appError = error;
  else if (error instanceof HTTPException && error.status === 413) {
    appError = new AppError('payload_too_large', 'That is more than the server accepts in one go.');
  } else if (error instanceof HTTPException && error.status < 500) {
    appError = new AppError('invalid_body', error.message || 'The request could not be understood.');
  } else {
    report(error);
    appError = new AppError('internal', 'Something went wrong on our side. Please try again.');
  }
  const body: ErrorBody = { error: { code: appError.code, message: appError.message } };
  if (appError.issues) body.error.issues = appError.issues;
  if (appError.retryAfterSeconds !== undefined) c.header('Retry-After', String(appError.retryAfterSeconds));
  return c.json(body, appError.status);
}
