/**
 * Group commit, ordering, per-board failure isolation and removal of the DocumentWriter over a real
 * LibSQL store; faults are injected by wrapping the real store's write.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentStore, DocumentWrite } from '../../server/ports/document-store.ts';
import { createSqlDocumentStore } from '../../server/storage/libsql-document-store.ts';
import { openLibsqlDatabase } from '../../server/storage/libsql-database.ts';
import { migrate } from '../../server/storage/migrations.ts';
import type { SqlDatabase } from '../../server/storage/sql-database.ts';
import { BoardWriteFailedError, DocumentWriter, WriterClosedError } from '../../server/sync/document-writer.ts';

let db: SqlDatabase;
afterEach(() => db?.close());

async function memoryStore(): Promise<DocumentStore> {
  db = await openLibsqlDatabase({ url: ':memory:' });
  await migrate(db);
  return createSqlDocumentStore({ db, now: () => 0 });
}

/** Counts the transactions the real store receives. */
function counting(store: DocumentStore): { store: DocumentStore; batches: DocumentWrite[] } {
  const batches: DocumentWrite[] = [];
  return { batches, store: { ...store, write: (batch) => (batches.push(batch), store.write(batch)) } };
}

/** A store whose next write waits until `release()`: a commit held in flight, without timers. */
function gated(store: DocumentStore): { store: DocumentStore; writing: Promise<void>; release: () => void } {
  let release!: () => void;
  let started!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const writing = new Promise<void>((resolve) => (started = resolve));
  let first = true;
  return {
    writing,
    release,
    store: {
      ...store,
      async write(batch) {
        if (first) {
          first = false;
          started();
          await gate;
        }
        return store.write(batch);
      },
    },
  };
}

/** Fails every write that touches `boardId`, whatever else the batch holds. */
function failingFor(store: DocumentStore, boardId: string): DocumentStore {
  return {
    ...store,
    write: (batch) =>
      [...batch.appends.map((a) => a.boardId), ...batch.compactions.map((c) => c.boardId)].includes(boardId)
        ? Promise.reject(new Error(`oversize write for ${boardId}`))
        : store.write(batch),
  };
}

const noWait = async () => undefined;

describe('DocumentWriter', () => {
  it('commits everything of one turn in one transaction, in order', async () => {
    const { store, batches } = counting(await memoryStore());
    const writer = new DocumentWriter({ store, onError: () => undefined });
    const writes = [1, 2, 3].map((n) => writer.append('b', new Uint8Array([n])));
    await Promise.all(writes);
    expect(batches).toHaveLength(1);
    expect((await store.load('b')).updates).toEqual([new Uint8Array([1]), new Uint8Array([2]), new Uint8Array([3])]);
  });

  it('gathers what arrives during a commit into the next one', async () => {
    const held = gated(await memoryStore());
    const { store, batches } = counting(held.store);
    const writer = new DocumentWriter({ store, onError: () => undefined });
    const first = writer.append('b', new Uint8Array([1]));
    await held.writing; // the first commit is in flight
    const later = [writer.append('b', new Uint8Array([2])), writer.append('c', new Uint8Array([3]))];
    held.release();
    await Promise.all([first, ...later]);
    expect(batches.map((batch) => batch.appends.length)).toEqual([1, 2]);
  });

  it('keeps a failed batch and retries it until it is stored', async () => {
    const real = await memoryStore();
    let failures = 2;
    const errors: number[] = [];
    const store: DocumentStore = {
      ...real,
      write: (batch) => (failures-- > 0 ? Promise.reject(new Error('disk full')) : real.write(batch)),
    };
    const writer = new DocumentWriter({ store, onError: (_e, attempt) => errors.push(attempt), backoff: async () => undefined });
    await writer.append('b', new Uint8Array([7]));
    expect(errors).toEqual([1, 2]);
    expect((await real.load('b')).updates).toEqual([new Uint8Array([7])]);
  });

  it('takes a compaction snapshot at commit time and flush() waits for it', async () => {
    const real = await memoryStore();
    const writer = new DocumentWriter({ store: real, onError: () => undefined });
    void writer.append('b', new Uint8Array([1]));
    let state = new Uint8Array([0]);
    void writer.compact('b', () => state);
    state = new Uint8Array([9]);
    await writer.flush();
    expect((await real.load('b')).snapshot).toEqual(new Uint8Array([9]));
  });

  it('rejects writes after close', async () => {
    const writer = new DocumentWriter({ store: await memoryStore(), onError: () => undefined });
    writer.close();
    await expect(writer.append('b', new Uint8Array([1]))).rejects.toBeInstanceOf(WriterClosedError);
  });

  it('commits the other boards of a failing batch at once, and keeps the failing board in order', async () => {
    const real = await memoryStore();
    let failing = true;
    const store: DocumentStore = { ...real, write: (batch) => (failing ? failingFor(real, 'bad').write(batch) : real.write(batch)) };
    let retried!: () => void;
    const retrying = new Promise<void>((resolve) => (retried = resolve));
    const writer = new DocumentWriter({
      store,
      onError: () => undefined,
      backoff: async (attempt) => {
        if (attempt === 1) await retrying; // the bad board waits here until the test lets it go
      },
    });
    const bad1 = writer.append('bad', new Uint8Array([1]));
    const good = [writer.append('good', new Uint8Array([2])), writer.append('other', new Uint8Array([3]))];
    // The healthy boards are stored while the bad one is still failing.
    await Promise.all(good);
    expect((await real.load('good')).updates).toEqual([new Uint8Array([2])]);
    expect((await real.load('bad')).updates).toEqual([]);
    // A later write of the bad board queues behind the failed one; a later write of a good board does not.
    const bad2 = writer.append('bad', new Uint8Array([4]));
    await writer.append('good', new Uint8Array([5]));
    failing = false;
    retried();
    await Promise.all([bad1, bad2]);
    expect((await real.load('bad')).updates).toEqual([new Uint8Array([1]), new Uint8Array([4])]);
  });

  it('gives up on a board after maxAttempts: its writes reject and nothing of them is stored', async () => {
    const real = await memoryStore();
    const attempts: string[] = [];
    const writer = new DocumentWriter({
      store: failingFor(real, 'bad'),
      onError: (_error, attempt, boardId) => attempts.push(`${boardId}#${attempt}`),
      backoff: noWait,
      maxAttempts: 3,
    });
    const outcomes = await Promise.allSettled([writer.append('bad', new Uint8Array([1])), writer.compact('bad', () => new Uint8Array([9]))]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect((outcomes[0] as PromiseRejectedResult).reason).toBeInstanceOf(BoardWriteFailedError);
    expect(attempts).toEqual(['bad#1', 'bad#2', 'bad#3']);
    expect(await real.load('bad')).toMatchObject({ snapshot: null, updates: [] });
    // The board is not blocked for good: once the store takes it again, it is written.
    await writer.flush();
    const recovered = new DocumentWriter({ store: real, onError: () => undefined });
    await recovered.append('bad', new Uint8Array([2]));
    expect((await real.load('bad')).updates).toEqual([new Uint8Array([2])]);
  });

  it('removes a board after its writes already enqueued, and drops its compaction not yet started', async () => {
    const held = gated(await memoryStore());
    const { store, batches } = counting(held.store);
    const writer = new DocumentWriter({ store, onError: () => undefined });
    const first = writer.append('b', new Uint8Array([1]));
    await held.writing;
    const second = writer.append('b', new Uint8Array([2]));
    let snapshotTaken = false;
    const compaction = writer.compact('b', () => ((snapshotTaken = true), new Uint8Array([9])));
    const removal = writer.remove('b');
    held.release();
    await Promise.all([first, second, compaction, removal]);
    expect(snapshotTaken).toBe(false);
    expect(batches.at(-1)).toMatchObject({ compactions: [], removals: ['b'] });
    expect(await held.store.load('b')).toMatchObject({ snapshot: null, updates: [] });
  });

  it('removes a board that is being retried: its held writes reject and never land after the removal', async () => {
    const real = await memoryStore();
    let failed!: () => void;
    const firstFailure = new Promise<void>((resolve) => (failed = resolve));
    const writer = new DocumentWriter({
      store: failingFor(real, 'b'),
      onError: () => failed(),
      backoff: () => new Promise<void>(() => undefined), // retries never come by themselves
    });
    const held = writer.append('b', new Uint8Array([1]));
    await firstFailure; // set aside, waiting to be retried
    await expect(Promise.race([held, writer.remove('b').then(() => 'removed')])).rejects.toBeInstanceOf(BoardWriteFailedError);
    await writer.flush();
    expect(await real.load('b')).toMatchObject({ snapshot: null, updates: [] });
  });
});
