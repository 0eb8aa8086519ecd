/**
 * Joining by an invite never lowers anyone (BoardStore.joinAtLeast): for every access a person may
 * already have and every access a link may give, they end with the higher one, in the order
 * view < comment < edit < facilitate. On a real LibSQL file with the real migrations; the same
 * SQL runs in the Workers directory object.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access, InviteAccess } from '../../shared/access.ts';
import { BoardStore } from '../../server/boards/board-store.ts';
import { openLibsqlDatabase } from '../../server/storage/libsql-database.ts';
import { migrate } from '../../server/storage/migrations.ts';
import type { SqlDatabase } from '../../server/storage/sql-database.ts';
import { makeTempDir } from '../support/temp-dir.ts';

/** [access before (none: not on the board), the link's access, access after]. */
const cases: [Access | 'none', InviteAccess, Access][] = [
  ['none', 'view', 'view'],
  ['none', 'comment', 'comment'],
  ['none', 'edit', 'edit'],
  ['view', 'view', 'view'],
  ['view', 'comment', 'comment'],
  ['view', 'edit', 'edit'],
  ['comment', 'view', 'comment'],
  ['comment', 'comment', 'comment'],
  ['comment', 'edit', 'edit'],
  ['edit', 'view', 'edit'],
  ['edit', 'comment', 'edit'],
  ['edit', 'edit', 'edit'],
  ['facilitate', 'view', 'facilitate'],
  ['facilitate', 'comment', 'facilitate'],
  ['facilitate', 'edit', 'facilitate'],
];

describe('joining by an invite', () => {
  const dir = makeTempDir();
  let db: SqlDatabase;
  let boards: BoardStore;
  beforeAll(async () => {
    db = await openLibsqlDatabase({ url: `file:${dir.path}/join.db` });
    await migrate(db);
    boards = new BoardStore(db);
  });
  afterAll(() => {
    db.close();
    dir.remove();
  });

  let n = 0;
  it.each(cases)('a member with %s access who follows a link giving %s ends with %s', async (before, link, after) => {
    const [userId, hostId, boardId] = [`person-${++n}`, `host-${n}`, `board-${n}`];
    for (const id of [userId, hostId]) {
      await db.execute({ sql: "INSERT INTO users (id, display_name, created_at) VALUES (?, 'Pat', 0)", args: [id] });
    }
    await boards.create({ id: boardId, title: 'Clinic', createdBy: hostId, now: 0 });
    if (before !== 'none') {
      await db.execute({ sql: 'INSERT INTO members (board_id, user_id, access, joined_at) VALUES (?, ?, ?, 1)', args: [boardId, userId, before] });
    }
    expect(await boards.joinAtLeast(boardId, userId, link, 2)).toBe(after);
    expect(await boards.accessOf(boardId, userId)).toBe(after);
    // The host is untouched by someone else joining.
    expect(await boards.accessOf(boardId, hostId)).toBe('facilitate');
  });
});
