/**
 * Adds a member to a board straight in the database, for tests that need two people on one board
 * before the invites issue lands. It writes the same row the invite flow will write.
 */
import type { Access } from '../../shared/access.ts';
import { openLibsqlDatabase } from '../../server/storage/libsql-database.ts';

export async function addMember(libsqlUrl: string, boardId: string, userId: string, access: Access): Promise<void> {
  const db = await openLibsqlDatabase({ url: libsqlUrl });
  try {
    await db.execute({
      sql: 'INSERT INTO members (board_id, user_id, access, joined_at) VALUES (?, ?, ?, ?)',
      args: [boardId, userId, access, Date.now()],
    });
  } finally {
    db.close();
  }
}
