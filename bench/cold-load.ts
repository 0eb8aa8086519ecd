/**
 * Cold load of a large board: how long from "first socket arrives" to "room ready to answer" for
 * a board whose history is the size of the B4 editing trace of crdt-benchmarks (~260k operations)
 * and ten times that. The trace itself is not in the npm registry, so a seeded synthetic one of
 * the same size and shape (typing runs with cursor jumps and ~10 % deletions into one story)
 * stands in. Measured on the real parts: the LibSQL file store and the Room that loads it.
 */
import { performance } from 'node:perf_hooks';
import * as prng from 'lib0/prng';
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint } from '../shared/board-document.ts';
import { createSqlDocumentStore } from '../server/storage/libsql-document-store.ts';
import { openLibsqlDatabase } from '../server/storage/libsql-database.ts';
import { migrate } from '../server/storage/migrations.ts';
import { DocumentWriter } from '../server/sync/document-writer.ts';
import { Room } from '../server/sync/room.ts';
import { makeTempDir } from '../test/support/temp-dir.ts';
import { summarize } from './stats.ts';

export interface ColdLoadResult {
  operations: number;
  /** Characters left in the story after the trace. */
  finalLength: number;
  snapshotBytes: number;
  /** store.load + building the room (merge + apply), over `runs` cold loads. */
  loadMs: ReturnType<typeof summarize>;
}

/** Plays a typing-like trace of `operations` single-character edits into one touchpoint story. */
function buildBoard(operations: number, seed: number): Y.Doc {
  const doc = new Y.Doc();
  const { stages, touchpoints } = boardTypes(doc);
  doc.transact(() => {
    stages.push([newStage('s1', 'Waiting')]);
    touchpoints.set('t1', newTouchpoint({ id: 't1', stageId: 's1', order: 'a0', title: 'The waiting room', createdBy: 'bench', createdAt: 0 }));
  });
  const story = touchpoints.get('t1')!.get('story') as Y.Text;
  const random = prng.create(seed);
  let cursor = 0;
  for (let i = 0; i < operations; i++) {
    if (prng.int32(random, 0, 99) < 2) cursor = prng.int32(random, 0, story.length); // jump elsewhere
    if (cursor > 0 && prng.int32(random, 0, 99) < 10) {
      story.delete(--cursor, 1);
    } else {
      story.insert(cursor++, prng.letter(random));
    }
  }
  return doc;
}

export async function measureColdLoad(operations: number, runs = 5): Promise<ColdLoadResult> {
  const dir = makeTempDir('common-ground-cold-');
  const db = await openLibsqlDatabase({ url: `file:${dir.path}/cold.db` });
  try {
    await migrate(db);
    const store = createSqlDocumentStore({ db, now: () => Date.now() });
    const doc = buildBoard(operations, 42);
    const finalLength = (boardTypes(doc).touchpoints.get('t1')!.get('story') as Y.Text).length;
    const snapshot = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    await store.write({ appends: [], compactions: [{ boardId: 'cold', snapshot }] });
    const writer = new DocumentWriter({ store, onError: (error) => console.error(error) });
    const samples: number[] = [];
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      const stored = await store.load('cold');
      const room = new Room({
        boardId: 'cold',
        stored,
        writer,
        compactAfterUpdates: 500,
        compactAfterBytes: 1024 * 1024,
        onEmpty: () => undefined,
        onError: (error) => console.error(error),
      });
      samples.push(performance.now() - start);
      room.destroy();
    }
    writer.close();
    return { operations, finalLength, snapshotBytes: snapshot.byteLength, loadMs: summarize(samples) };
  } finally {
    db.close();
    dir.remove();
  }
}
