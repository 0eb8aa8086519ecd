/** People's accounts: registered (email + password) or, later, guests who joined by invite. */
import type { User } from '../../shared/api.ts';
import type { Clock, RandomBytes } from '../ports.ts';
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
    const user: User = { id: newId(this.#options.random), displayName: input.displayName };
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
      user: { id: textColumn(row, 'id'), displayName: textColumn(row, 'display_name') },
      passwordHash: textColumn(row, 'password_hash'),
    };
  }
}
