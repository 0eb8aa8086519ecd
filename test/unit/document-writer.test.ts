/** Group commit, ordering and retry of the DocumentWriter over a real LibSQL store. */
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentStore, DocumentWrite } from '../../server/ports/document-store.ts';
import { createSqlDocumentStore } from '../../server/storage/libsql-document-store.ts';
import { openLibsqlDatabase } from '../../server/storage/libsql-database.ts';
import { migrate } from '../../server/storage/migrations.ts';
import type { SqlDatabase } from '../../server/storage/sql-database.ts';
import { DocumentWriter, WriterClosedError } from '../../server/sync/document-writer.ts';

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
    const { store, batches } = counting(await memoryStore());
    const writer = new DocumentWriter({ store, onError: () => undefined });
    const first = writer.append('b', new Uint8Array([1]));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const later = [writer.append('b', new Uint8Array([2])), writer.append('c', new Uint8Array([3]))];
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
});
