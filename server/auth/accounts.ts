/** People's accounts: registered (email + password) or, later, guests who joined by invite. */
import type { User } from '../../shared/api.ts';
import type { Clock, RandomBytes } from '../ports/clock.ts';
import { newId } from '../ids.ts';
import type { SqlDatabase } from '../storage/sql-database.ts';
import { textColumn } from '../storage/sql-database.ts';

export interface AccountStoreOptions {
  db: SqlDatabase;
  clock: Clock;
  random: RandomBytes;
}

export interface Credentials {
  user: User;
  passwordHash: string;
}

export class AccountStore {
  readonly #options: AccountStoreOptions;
  constructor(options: AccountStoreOptions) {
    this.#options = options;
  }

  /** Creates an account; returns null when the email is already used. */
  async register(input: { email: string; passwordHash: string; displayName: string }): Promise<User | null> {
    const user: User = { id: newId(this.#options.random), displayName: input.displayName, guest: false };
    const result = await this.#options.db.execute({
      sql: `INSERT INTO users (id, email, password_hash, display_name, created_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (email) DO NOTHING`,
      args: [user.id, input.email, input.passwordHash, input.displayName, this.#options.clock.now()],
    });
    return result.rowsAffected === 1 ? user : null;
  }

  /** The account and password hash for an email, if it has a password. */
  async credentials(email: string): Promise<Credentials | null> {
    const result = await this.#options.db.execute({
      sql: 'SELECT id, display_name, password_hash FROM users WHERE email = ? AND password_hash IS NOT NULL',
      args: [email],
    });
    const row = result.rows[0];
    if (!row) return null;
    return {
      user: { id: textColumn(row, 'id'), displayName: textColumn(row, 'display_name'), guest: false },
      passwordHash: textColumn(row, 'password_hash'),
    };
  }

  /** Creates a guest account: a name only, no email or password (joined by an invite link). */
  async createGuest(displayName: string): Promise<User> {
    const user: User = { id: newId(this.#options.random), displayName, guest: true };
    await this.#options.db.execute({
      sql: 'INSERT INTO users (id, email, password_hash, display_name, created_at) VALUES (?, NULL, NULL, ?, ?)',
      args: [user.id, displayName, this.#options.clock.now()],
    });
    return user;
  }

  /** Changes a person's display name. */
  async rename(me: User, displayName: string): Promise<User> {
    await this.#options.db.execute({ sql: 'UPDATE users SET display_name = ? WHERE id = ?', args: [displayName, me.id] });
    return { ...me, displayName };
  }

  /**
   * Gives a guest an email and password so they can sign in again. One conditional UPDATE:
   * `has_credentials` when the account already has an email, `email_taken` when another has it.
   */
  async addCredentials(userId: string, email: string, passwordHash: string): Promise<'ok' | 'has_credentials' | 'email_taken'> {
    try {
      const result = await this.#options.db.execute({
        sql: 'UPDATE users SET email = ?, password_hash = ? WHERE id = ? AND email IS NULL',
        args: [email, passwordHash, userId],
      });
      return result.rowsAffected === 1 ? 'ok' : 'has_credentials';
    } catch (error) {
      if (String(error).includes('UNIQUE')) return 'email_taken';
      throw error;
    }
  }
}
