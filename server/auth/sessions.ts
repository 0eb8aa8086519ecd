/**
 * Sessions as the current Lucia guide describes them: the browser holds a random token; the
 * database holds only its SHA-256 hash as the session id, so a leaked table cannot be replayed.
 * Sessions expire after a period without use and slide forward when used in its second half.
 */
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { User } from '../../shared/api.ts';
import type { Clock, RandomBytes } from '../ports/clock.ts';
import type { SqlDatabase } from '../storage/sql-database.ts';
import { intColumn, textColumn } from '../storage/sql-database.ts';

export interface Session {
  id: string;
  userId: string;
  expiresAt: number;
}

export interface SessionValidation {
  session: Session;
  user: User;
  /** True when the expiry moved forward and the cookie must be sent again. */
  renewed: boolean;
}

export interface SessionStoreOptions {
  db: SqlDatabase;
  clock: Clock;
  random: RandomBytes;
  /** A session unused for this long expires (default 30 days). */
  lifetimeMs?: number;
}

const day = 24 * 60 * 60 * 1000;

export class SessionStore {
  readonly #db: SqlDatabase;
  readonly #clock: Clock;
  readonly #random: RandomBytes;
  /** How long a session lives without use. */
  readonly lifetimeMs: number;

  constructor(options: SessionStoreOptions) {
    this.#db = options.db;
    this.#clock = options.clock;
    this.#random = options.random;
    this.lifetimeMs = options.lifetimeMs ?? 30 * day;
  }

  /** Starts a session; returns the token for the cookie (never stored) and the session. */
  async create(userId: string): Promise<{ token: string; session: Session }> {
    const token = encodeBase32LowerCaseNoPadding(this.#random(20));
    const now = this.#clock.now();
    const session: Session = { id: sessionIdOf(token), userId, expiresAt: now + this.lifetimeMs };
    await this.#db.execute({
      sql: 'INSERT INTO sessions (id, user_id, expires_at, created_at) VALUES (?, ?, ?, ?)',
      args: [session.id, userId, session.expiresAt, now],
    });
    return { token, session };
  }

  /** Checks a token from a cookie; deletes it when expired, extends it when half used. */
  async validate(token: string): Promise<SessionValidation | null> {
    if (!/^[a-z2-7]{32}$/.test(token)) return null;
    const id = sessionIdOf(token);
    const result = await this.#db.execute({
      sql: `SELECT s.user_id, s.expires_at, u.display_name, u.email IS NULL AS guest
            FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?`,
      args: [id],
    });
    const row = result.rows[0];
    if (!row) return null;
    const session: Session = { id, userId: textColumn(row, 'user_id'), expiresAt: intColumn(row, 'expires_at') };
    const now = this.#clock.now();
    if (now >= session.expiresAt) {
      await this.invalidate(id);
      return null;
    }
    let renewed = false;
    if (now >= session.expiresAt - this.lifetimeMs / 2) {
      session.expiresAt = now + this.lifetimeMs;
      await this.#db.execute({ sql: 'UPDATE sessions SET expires_at = ? WHERE id = ?', args: [session.expiresAt, id] });
      renewed = true;
    }
    const user = { id: session.userId, displayName: textColumn(row, 'display_name'), guest: intColumn(row, 'guest') === 1 };
    return { session, user, renewed };
  }

  /** A session's expiry, or null when it has ended or expired (open sync sockets ask). */
  async expiryOf(sessionId: string): Promise<number | null> {
    const result = await this.#db.execute({ sql: 'SELECT expires_at FROM sessions WHERE id = ?', args: [sessionId] });
    const row = result.rows[0];
    if (!row) return null;
    const expiresAt = intColumn(row, 'expires_at');
    return this.#clock.now() < expiresAt ? expiresAt : null;
  }

  /** Ends one session (sign out). */
  async invalidate(sessionId: string): Promise<void> {
    await this.#db.execute({ sql: 'DELETE FROM sessions WHERE id = ?', args: [sessionId] });
  }

  /** Ends every session of a person (sign out everywhere), or all but `exceptSessionId`. */
  async invalidateAll(userId: string, exceptSessionId?: string): Promise<void> {
    await this.#db.execute({
      sql: 'DELETE FROM sessions WHERE user_id = ? AND id <> ?',
      args: [userId, exceptSessionId ?? ''],
    });
  }
}

/** The stored id of a token: hex SHA-256. */
export function sessionIdOf(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}
