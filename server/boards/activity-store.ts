/**
 * "What's new since I was last here" in the main database (tables board_activity and board_seen,
 * migration 5): written by each room's tracker (sync/activity.ts) through the ActivitySink port,
 * read by the boards list (unread counts for all of a person's boards in one query) and a board's
 * news. A person's marker is the later of when they last had the board open (or said "Mark all as
 * seen") and when they joined it: someone who never opened a board is told what others added
 * since they became a member. Their own changes never count.
 */
import type { UnreadCounts } from '../../shared/api.ts';
import type { ActivityChange, ActivityItem, ActivityKind, ActivitySink } from '../ports/board-activity.ts';
import type { SqlDatabase, SqlStatement } from '../storage/sql-database.ts';
import { intColumn, textColumn } from '../storage/sql-database.ts';

/** What others changed on one board since the caller's marker (ms since the epoch). */
export interface BoardNews {
  since: number;
  items: { kind: ActivityKind; key: string; at: number }[];
}

export const noUnread: UnreadCounts = { comments: 0, touchpoints: 0, feelings: 0 };

const countField: Record<ActivityKind, keyof UnreadCounts> = { comment: 'comments', touchpoint: 'touchpoints', feeling: 'feelings' };

/** SQL for a member's marker, given `m` (members) joined with `s` (board_seen). */
const markerSql = 'MAX(m.joined_at, COALESCE(s.seen_at, 0))';

export class ActivityStore implements ActivitySink {
  readonly #db: SqlDatabase;
  constructor(db: SqlDatabase) {
    this.#db = db;
  }

  async record(boardId: string, changes: ActivityChange[], removals: ActivityItem[]): Promise<void> {
    const statements: SqlStatement[] = [
      // Only while the board's row is there: a batch racing the board's deletion writes nothing.
      ...changes.map(({ kind, key, actorId, at }) => ({
        sql: `INSERT INTO board_activity (board_id, kind, item_key, actor_id, changed_at)
              SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM boards WHERE id = ?)
              ON CONFLICT (board_id, kind, item_key) DO UPDATE SET actor_id = excluded.actor_id, changed_at = excluded.changed_at`,
        args: [boardId, kind, key, actorId, at, boardId],
      })),
      ...removals.map(({ kind, key }) => ({
        sql: 'DELETE FROM board_activity WHERE board_id = ? AND kind = ? AND item_key = ?',
        args: [boardId, kind, key],
      })),
    ];
    if (statements.length > 0) await this.#db.batch(statements);
  }

  async seen(boardId: string, userId: string, at: number): Promise<void> {
    await this.#db.execute({
      sql: `INSERT INTO board_seen (board_id, user_id, seen_at)
            SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM members WHERE board_id = ? AND user_id = ?)
            ON CONFLICT (board_id, user_id) DO UPDATE SET seen_at = MAX(board_seen.seen_at, excluded.seen_at)`,
      args: [boardId, userId, at, boardId, userId],
    });
  }

  /** Per board the person is on (boards with nothing new left out): others' changes since their marker. One query. */
  async unreadFor(userId: string): Promise<Map<string, UnreadCounts>> {
    const result = await this.#db.execute({
      sql: `SELECT a.board_id, a.kind, COUNT(*) AS n FROM members m
            LEFT JOIN board_seen s ON s.board_id = m.board_id AND s.user_id = m.user_id
            JOIN board_activity a ON a.board_id = m.board_id
            WHERE m.user_id = ? AND (a.actor_id IS NULL OR a.actor_id <> m.user_id) AND a.changed_at > ${markerSql}
            GROUP BY a.board_id, a.kind`,
      args: [userId],
    });
    const unread = new Map<string, UnreadCounts>();
    for (const row of result.rows) {
      const boardId = textColumn(row, 'board_id');
      const counts = unread.get(boardId) ?? { ...noUnread };
      counts[countField[textColumn(row, 'kind') as ActivityKind]] = intColumn(row, 'n');
      unread.set(boardId, counts);
    }
    return unread;
  }

  /** What others changed on a board since the member's marker, oldest first; null when not a member. */
  async newsFor(boardId: string, userId: string): Promise<BoardNews | null> {
    const marker = await this.#db.execute({
      sql: `SELECT ${markerSql} AS since FROM members m
            LEFT JOIN board_seen s ON s.board_id = m.board_id AND s.user_id = m.user_id
            WHERE m.board_id = ? AND m.user_id = ?`,
      args: [boardId, userId],
    });
    const row = marker.rows[0];
    if (!row) return null;
    const since = intColumn(row, 'since');
    const result = await this.#db.execute({
      sql: `SELECT kind, item_key, changed_at FROM board_activity
            WHERE board_id = ? AND (actor_id IS NULL OR actor_id <> ?) AND changed_at > ?
            ORDER BY changed_at, kind, item_key`,
      args: [boardId, userId, since],
    });
    return {
      since,
      items: result.rows.map((item) => ({
        kind: textColumn(item, 'kind') as ActivityKind,
        key: textColumn(item, 'item_key'),
        at: intColumn(item, 'changed_at'),
      })),
    };
  }
}

/** The statements that remove a board's activity and markers (in BoardStore.remove's transaction). */
export function removeActivityStatements(boardId: string): SqlStatement[] {
  return [
    { sql: 'DELETE FROM board_activity WHERE board_id = ?', args: [boardId] },
    { sql: 'DELETE FROM board_seen WHERE board_id = ?', args: [boardId] },
  ];
}
