/**
 * Cold load of a large board, inside the server: a board whose history is the size of the B4
 * editing trace of crdt-benchmarks (~260k keystrokes) and ten times that, stored in a LibSQL file
 * as the server stores it, then loaded the way the first socket loads it — the read
 * (`store.load`), the room built from it, and the sync step 2 answer to a client that has
 * nothing yet. The traces are seeded stand-ins for B4 (bench/editing-trace.ts): `typing`, shaped
 * like B4, and `scattered`, a worst case for Yjs' encoding. Measured on the real parts: the
 * LibSQL document store and the Room; the socket is the smallest SyncSocket that keeps the reply.
 */
import { groupedBoardLog } from '../server/sync/grouped-board-log.ts';
import { performance } from 'node:perf_hooks';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType } from '../shared/sync-protocol.ts';
import { createSqlDocumentStore } from '../server/storage/libsql-document-store.ts';
import { openLibsqlDatabase } from '../server/storage/libsql-database.ts';
import { migrate } from '../server/storage/migrations.ts';
import { DocumentWriter } from '../server/sync/document-writer.ts';
import { Room } from '../server/sync/room.ts';
import type { SyncSocket } from '../server/ports/sync-socket.ts';
import { makeTempDir } from '../test/support/temp-dir.ts';
import { coldLoadComparison } from './cold-load-compare.ts';
import { boardFromTrace, storyLength, type TraceShape } from './editing-trace.ts';
import { count, markdownTable, ms, summarize } from './stats.ts';

export interface ColdLoadResult {
  shape: TraceShape;
  operations: number;
  /** Characters left in the story after the trace. */
  finalLength: number;
  snapshotBytes: number;
  /** store.load: the snapshot read from the LibSQL file. */
  readMs: ReturnType<typeof summarize>;
  /** new Room: the stored state applied to a fresh Y.Doc. */
  buildMs: ReturnType<typeof summarize>;
  /** The step 2 answer to an empty state vector (what a new browser asks first). */
  answerMs: ReturnType<typeof summarize>;
  /** All three: first socket arrives → the whole board is on its way back. */
  totalMs: ReturnType<typeof summarize>;
  /** For comparison: a client applying the answer (the browser's part, the same for any server). */
  clientApplyMs: ReturnType<typeof summarize>;
}

/** A client's first message: sync step 1 with an empty state vector. */
function emptyStep1(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeSyncStep1(encoder, new Y.Doc());
  return encoding.toUint8Array(encoder);
}

export async function measureColdLoad(operations: number, shape: TraceShape, runs = 7): Promise<ColdLoadResult> {
  const dir = makeTempDir('common-ground-cold-');
  const db = await openLibsqlDatabase({ url: `file:${dir.path}/cold.db` });
  try {
    await migrate(db);
    const store = createSqlDocumentStore({ db, now: () => Date.now() });
    // Stored straight into the store, as a restarted server finds it; any writer's id will do.
    const doc = boardFromTrace(operations, shape, 42, 'bench-cold-writer');
    const finalLength = storyLength(doc);
    const snapshot = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    await store.write({ appends: [], compactions: [{ boardId: 'cold', snapshot }] });
    const writer = new DocumentWriter({ store, onError: (error) => console.error(error) });
    const step1 = emptyStep1();
    const read: number[] = [];
    const build: number[] = [];
    const answer: number[] = [];
    const clientApply: number[] = [];
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      const stored = await store.load('cold');
      const loaded = performance.now();
      const room = new Room({
        boardId: 'cold',
        stored,
        log: groupedBoardLog('cold', store, writer),
        compactAfterUpdates: 500,
        compactAfterBytes: 1024 * 1024,
        onEmpty: () => undefined,
        onError: (error) => console.error(error),
      });
      const built = performance.now();
      const replies: Uint8Array[] = [];
      const socket: SyncSocket = { send: (data) => void replies.push(data), close: () => undefined };
      room.join(socket, { userId: 'u', displayName: 'Bench', access: 'edit', sessionId: 's', sessionExpiresAt: Infinity });
      room.receive(socket, step1);
      const answered = performance.now();
      read.push(loaded - start);
      build.push(built - loaded);
      answer.push(answered - built);
      const reply = replies.at(-1)!;
      const client = new Y.Doc();
      const applyStart = performance.now();
      // The reply is [sync tag, step 2, update]; readSyncMessage applies it as the provider does.
      syncProtocol.readSyncMessage(decoding.createDecoder(reply.subarray(1)), encoding.createEncoder(), client, null);
      clientApply.push(performance.now() - applyStart);
      if (storyLength(client) !== finalLength) throw new Error('the answer did not carry the whole board');
      client.destroy();
      room.leave(socket);
      room.destroy();
    }
    writer.close();
    const total = read.map((value, i) => value + build[i]! + answer[i]!);
    return {
      shape,
      operations,
      finalLength,
      snapshotBytes: snapshot.byteLength,
      readMs: summarize(read),
      buildMs: summarize(build),
      answerMs: summarize(answer),
      totalMs: summarize(total),
      clientApplyMs: summarize(clientApply),
    };
  } finally {
    db.close();
    dir.remove();
  }
}

/** The `--cold` section: both trace shapes at B4's size, the typing one also at ten times it. */
export async function coldLoadSection(progress: (line: string) => void): Promise<string> {
  const cases: [TraceShape, number, number][] = [
    ['typing', 260_000, 7],
    ['scattered', 260_000, 7],
    ['typing', 2_600_000, 3],
    ['scattered', 2_600_000, 3],
  ];
  const rows: string[][] = [];
  for (const [shape, operations, runs] of cases) {
    progress(`cold load: ${shape}, ${count(operations)} keystrokes`);
    const r = await measureColdLoad(operations, shape, runs);
    rows.push([
      shape,
      count(r.operations),
      count(r.finalLength),
      count(Math.round(r.snapshotBytes / 1024)),
      ms(r.readMs.p50),
      ms(r.buildMs.p50),
      ms(r.answerMs.p50),
      `${ms(r.totalMs.p50)} / ${ms(r.totalMs.max)}`,
      ms(r.clientApplyMs.p50),
    ]);
  }
  const compared = await coldLoadComparison(progress, [
    { shape: 'typing', operations: 1_000, boards: 11 },
    { shape: 'typing', operations: 260_000, boards: 11 },
    { shape: 'scattered', operations: 260_000, boards: 7 },
    { shape: 'typing', operations: 2_600_000, boards: 7 },
  ]);
  return [
    compared,
    '',
    '### Cold load of a large board inside the server (LibSQL file → room → first answer)',
    '',
    markdownTable(
      ['trace', 'keystrokes', 'story characters', 'snapshot (KiB)', 'read p50 (ms)', 'build p50 (ms)', 'answer p50 (ms)', 'total p50 / max (ms)', 'client apply p50 (ms)'],
      rows,
    ),
    '',
    'B4-sized = 260k keystrokes; ×10 = 2.6M. read: store.load; build: the stored state applied to the room\'s Y.Doc; answer: sync step 2 to a client with nothing. The client\'s own apply is the browser\'s part and the same for any server.',
  ].join('\n');
}
