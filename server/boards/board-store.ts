/** Boards and their members in the relational database. */
import type { Access } from '../../shared/access.ts';
import type { Board, Member } from '../../shared/api.ts';
import type { SqlDatabase, SqlRow } from '../storage/sql-database.ts';
import { intColumn, textColumn } from '../storage/sql-database.ts';

export class BoardStore {
  readonly #db: SqlDatabase;
  constructor(db: SqlDatabase) {
    this.#db = db;
  }

  /** Creates a board with its creator as facilitator, in one transaction. */
  async create(input: { id: string; title: string; createdBy: string; now: number }): Promise<Board> {
    await this.#db.batch([
      {
        sql: 'INSERT INTO boards (id, title, created_by, created_at) VALUES (?, ?, ?, ?)',
        args: [input.id, input.title, input.createdBy, input.now],
      },
      {
        sql: "INSERT INTO members (board_id, user_id, access, joined_at) VALUES (?, ?, 'facilitate', ?)",
        args: [input.id, input.createdBy, input.now],
      },
    ]);
    return { id: input.id, title: input.title, access: 'facilitate', createdAt: new Date(input.now).toISOString() };
  }

  /** The boards a person is a member of, newest first. */
  async listFor(userId: string): Promise<Board[]> {
    const result = await this.#db.execute({
      sql: `SELECT b.id, b.title, b.created_at, m.access FROM boards b
            JOIN members m ON m.board_id = b.id WHERE m.user_id = ? ORDER BY b.created_at DESC, b.id`,
      args: [userId],
    });
    return result.rows.map(boardFrom);
  }

  /** A board as one person sees it: undefined when it does not exist, null when not a member. */
  async getFor(boardId: string, userId: string): Promise<Board | null | undefined> {
    const result = await this.#db.execute({
      sql: `SELECT b.id, b.title, b.created_at, m.access FROM boards b
            LEFT JOIN members m ON m.board_id = b.id AND m.user_id = ? WHERE b.id = ?`,
      args: [userId, boardId],
    });
    const row = result.rows[0];
    if (!row) return undefined;
    return row['access'] === null ? null : boardFrom(row);
  }

  async members(boardId: string): Promise<Member[]> {
    const result = await this.#db.execute({
      sql: `SELECT u.id, u.display_name, m.access FROM members m JOIN users u ON u.id = m.user_id
            WHERE m.board_id = ? ORDER BY m.joined_at, u.id`,
      args: [boardId],
    });
    return result.rows.map((row) => ({
      id: textColumn(row, 'id'),
      displayName: textColumn(row, 'display_name'),
      access: textColumn(row, 'access') as Access,
    }));
  }

  async setTitle(boardId: string, title: string): Promise<void> {
    await this.#db.execute({ sql: 'UPDATE boards SET title = ? WHERE id = ?', args: [title, boardId] });
  }

  async remove(boardId: string): Promise<void> {
    await this.#db.batch([
      { sql: 'DELETE FROM members WHERE board_id = ?', args: [boardId] },
      { sql: 'DELETE FROM boards WHERE id = ?', args: [boardId] },
    ]);
  }
}

function boardFrom(row: SqlRow): Board {
  return {
    id: textColumn(row, 'id'),
    title: textColumn(row, 'title'),
    access: textColumn(row, 'access') as Access,
    createdAt: new Date(intColumn(row, 'created_at')).toISOString(),
  };
}
