/**
 * The error codes of the HTTP API. Every error response is
 * `{"error":{"code":"<code>","message":"<plain words>"}}` with the status given here, so clients
 * can branch on `code` and show `message` to a person.
 */
export const errorStatus = {
  invalid_json: 400,
  invalid_body: 400,
  /** A query string the route does not take (e.g. the PDF export's choices). */
  invalid_query: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  cross_origin: 403,
  not_found: 404,
  email_taken: 409,
  /** A new comment's id is already another comment's. */
  id_taken: 409,
  last_facilitator: 409,
  /** Putting back a moment from the board's history when its stage is not on the board now (restore the stage first). */
  stage_gone: 409,
  /** A timer change when the board has no timer. */
  no_timer: 409,
  /** A dot, or a reveal, when no vote is open (issue 15). */
  no_vote: 409,
  /** Opening a vote while one is already open. */
  vote_open: 409,
  /** A dot more than the vote gives each person. */
  no_dots_left: 409,
  /** Revealing a vote fewer than 3 people have voted in (the totals would show how someone voted). */
  too_few_voters: 409,
  /** Choosing a perspective on a board whose facilitator has not turned perspectives on (issue 17). */
  no_perspectives: 409,
  /** A guest who already has an email and password cannot add another. */
  credentials_exist: 409,
  /** Invites that can no longer be used: 410 Gone, each with its own plain-language message. */
  invite_expired: 410,
  invite_used_up: 410,
  invite_revoked: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; issues?: { path: string; message: string }[] };
}
