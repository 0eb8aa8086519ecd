/**
 * The server's side of opening a stored board, for `--comments`: in this process, on the LibSQL
 * file the stopped server left, the way the first socket loads a board (bench/cold-load.ts does the
 * same for traced boards) — `store.load`, the room built from it, and the sync step 2 answer to a
 * browser that has nothing yet — with the bytes stored and the bytes of that answer.
 */
import { performance } from 'node:perf_hooks';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { createSqlDocumentStore } from '../server/storage/libsql-document-store.ts';
import { openLibsqlDatabase } from '../server/storage/libsql-database.ts';
import { DocumentWriter } from '../server/sync/document-writer.ts';
import { groupedBoardLog } from '../server/sync/grouped-board-log.ts';
import { Room } from '../server/sync/room.ts';
import type { SyncSocket } from '../server/ports/sync-socket.ts';
import { MessageType } from '../shared/sync-protocol.ts';

export interface StoredLoad {
  /** Snapshot plus logged updates, as found. */
  storedBytes: number;
  /** Of them: the snapshot's bytes, and how many updates were logged since it (merged on load). */
  snapshotBytes: number;
  loggedUpdates: number;
  /** The sync step 2 answer to an empty state vector. */
  answerBytes: number;
  /** store.load + new Room + the answer, per run. */
  totalMs: number[];
}

function emptyStep1(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeSyncStep1(encoder, new Y.Doc());
  return encoding.toUint8Array(encoder);
}

/** Loads each board `runs` times, the boards taking turns. */
export async function measureStoredLoads(dbPath: string, boardIds: readonly string[], runs: number): Promise<StoredLoad[]> {
  const db = await openLibsqlDatabase({ url: `file:${dbPath}` });
  const writer = new DocumentWriter({ store: createSqlDocumentStore({ db, now: () => Date.now() }), onError: (error) => console.error(error) });
  try {
    const store = createSqlDocumentStore({ db, now: () => Date.now() });
    const results: StoredLoad[] = boardIds.map(() => ({ storedBytes: 0, snapshotBytes: 0, loggedUpdates: 0, answerBytes: 0, totalMs: [] }));
    const step1 = emptyStep1();
    for (let run = 0; run < runs; run++) {
      const order = run % 2 === 0 ? boardIds.map((_, i) => i) : boardIds.map((_, i) => boardIds.length - 1 - i);
      for (const i of order) {
        const boardId = boardIds[i]!;
        const start = performance.now();
        const stored = await store.load(boardId);
        const room = new Room({
          boardId,
          stored,
          log: groupedBoardLog(boardId, store, writer),
          // Never compacts here: nothing is written.
          compactAfterUpdates: Number.MAX_SAFE_INTEGER,
          compactAfterBytes: Number.MAX_SAFE_INTEGER,
          onEmpty: () => undefined,
          onError: (error) => console.error(error),
        });
        const replies: Uint8Array[] = [];
        const socket: SyncSocket = { send: (data) => void replies.push(data), close: () => undefined };
        room.join(socket, { userId: 'u', displayName: 'Bench', access: 'edit', sessionId: 's', sessionExpiresAt: Infinity });
        room.receive(socket, step1);
        results[i]!.totalMs.push(performance.now() - start);
        results[i]!.storedBytes = (stored.snapshot?.byteLength ?? 0) + stored.updateBytes;
        results[i]!.snapshotBytes = stored.snapshot?.byteLength ?? 0;
        results[i]!.loggedUpdates = stored.updates.length;
        results[i]!.answerBytes = replies.at(-1)?.byteLength ?? 0;
        room.leave(socket);
        room.destroy();
      }
    }
    return results;
  } finally {
    writer.close();
    db.close();
  }
}
