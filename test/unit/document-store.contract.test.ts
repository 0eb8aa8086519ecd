/**
 * The DocumentStore contract, run against every backend we ship: LibSQL on a file and in memory.
 * (The Durable Object SQLite backend joins this suite with the Workers runtime.)
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocumentStore } from '../../server/ports/document-store.ts';
import { createSqlDocumentStore } from '../../server/storage/libsql-document-store.ts';
import { openLibsqlDatabase } from '../../server/storage/libsql-database.ts';
import { migrate } from '../../server/storage/migrations.ts';
import type { SqlDatabase } from '../../server/storage/sql-database.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const dir = makeTempDir();
const opened: SqlDatabase[] = [];
afterAll(() => {
  for (const db of opened) db.close();
  dir.remove();
});

const backends: [string, () => Promise<DocumentStore>][] = [
  ['LibSQL file', () => libsqlStore(`file:${dir.path}/store-${opened.length}.db`)],
  ['LibSQL :memory:', () => libsqlStore(':memory:')],
];

async function libsqlStore(url: string): Promise<DocumentStore> {
  const db = await openLibsqlDatabase({ url });
  opened.push(db);
  await migrate(db);
  return createSqlDocumentStore({ db, now: () => 1_700_000_000_000 });
}

function textUpdate(doc: Y.Doc, text: string): Uint8Array {
  let update: Uint8Array | null = null;
  doc.once('update', (u: Uint8Array) => (update = u));
  doc.getText('t').insert(doc.getText('t').length, text);
  return update!;
}

describe.each(backends)('DocumentStore on %s', (_name, make) => {
  it('loads nothing for a board never written', async () => {
    const store = await make();
    expect(await store.load('never')).toEqual({ snapshot: null, updates: [], updateBytes: 0, clientOwners: [] });
  });

  it('returns appended updates in order, per board', async () => {
    const store = await make();
    const doc = new Y.Doc();
    const u1 = textUpdate(doc, 'a');
    const u2 = textUpdate(doc, 'b');
    await store.write({ appends: [{ boardId: 'one', update: u1 }], compactions: [] });
    await store.write({ appends: [{ boardId: 'one', update: u2 }, { boardId: 'two', update: u1 }], compactions: [] });
    const one = await store.load('one');
    expect(one.updates).toEqual([u1, u2]);
    expect(one.updateBytes).toBe(u1.byteLength + u2.byteLength);
    expect((await store.load('two')).updates).toEqual([u1]);
  });

  it('keeps the order of a large group commit, boards interleaved', async () => {
    const store = await make();
    const doc = new Y.Doc();
    // More updates than one INSERT statement takes, so the batch is split and must stay in order.
    const appends = Array.from({ length: 1_201 }, (_, i) => ({ boardId: i % 3 === 0 ? 'big-a' : 'big-b', update: textUpdate(doc, String(i % 10)) }));
    await store.write({ appends, compactions: [] });
    expect((await store.load('big-a')).updates).toEqual(appends.filter((a) => a.boardId === 'big-a').map((a) => a.update));
    expect((await store.load('big-b')).updates).toEqual(appends.filter((a) => a.boardId === 'big-b').map((a) => a.update));
  });

  it('replaces the log by a snapshot and keeps appends of the same batch', async () => {
    const store = await make();
    const doc = new Y.Doc();
    await store.write({ appends: [{ boardId: 'b', update: textUpdate(doc, 'hello') }], compactions: [] });
    const snapshot = Y.encodeStateAsUpdate(doc);
    const later = textUpdate(doc, ' world');
    await store.write({ appends: [{ boardId: 'b', update: later }], compactions: [{ boardId: 'b', snapshot }] });
    const loaded = await store.load('b');
    expect(loaded.snapshot).toEqual(snapshot);
    expect(loaded.updates).toEqual([later]);
    const rebuilt = new Y.Doc();
    Y.applyUpdate(rebuilt, loaded.snapshot!);
    for (const update of loaded.updates) Y.applyUpdate(rebuilt, update);
    expect(rebuilt.getText('t').toString()).toBe('hello world');
  });

  it('writes nothing of a batch that fails', async () => {
    const store = await make();
    const doc = new Y.Doc();
    const before = textUpdate(doc, 'x');
    await store.write({ appends: [{ boardId: 'b', update: before }], compactions: [] });
    const committed = await store.load('b');
    // The compaction's upsert and delete are valid and run first; only the batch's last statement,
    // the appends' INSERT, fails (`data` is NOT NULL). A store that ran the statements one by one
    // would keep the snapshot and lose the logged update.
    const after = textUpdate(doc, 'y');
    await expect(
      store.write({
        appends: [
          { boardId: 'b', update: after },
          { boardId: 'b', update: null as unknown as Uint8Array },
        ],
        compactions: [{ boardId: 'b', snapshot: Y.encodeStateAsUpdate(doc) }],
      }),
    ).rejects.toThrow(/NOT NULL/);
    expect(committed).toEqual({ snapshot: null, updates: [before], updateBytes: before.byteLength, clientOwners: [] });
    expect(await store.load('b')).toEqual(committed);
  });

  it('keeps who first wrote with each client id, with the append, across compactions, until the board goes', async () => {
    const store = await make();
    const doc = new Y.Doc();
    await store.write({ appends: [{ boardId: 'owned', update: textUpdate(doc, 'a'), claims: [{ clientId: 7, userId: 'user-ann-0001' }] }], compactions: [] });
    // A later claim of the same id keeps the first writer; another board's ids are its own.
    await store.write({
      appends: [
        { boardId: 'owned', update: textUpdate(doc, 'b'), claims: [{ clientId: 7, userId: 'user-bob-0001' }, { clientId: 4294967295, userId: 'user-bob-0001' }] },
        { boardId: 'other', update: textUpdate(new Y.Doc(), 'c'), claims: [{ clientId: 7, userId: 'user-cy-00001' }] },
      ],
      compactions: [{ boardId: 'owned', snapshot: Y.encodeStateAsUpdate(doc) }],
    });
    const owners = (await store.load('owned')).clientOwners?.sort((a, b) => a.clientId - b.clientId);
    expect(owners).toEqual([
      { clientId: 7, userId: 'user-ann-0001' },
      { clientId: 4294967295, userId: 'user-bob-0001' },
    ]);
    // A failing batch claims nothing.
    await expect(
      store.write({ appends: [{ boardId: 'owned', update: null as unknown as Uint8Array, claims: [{ clientId: 9, userId: 'user-cy-00001' }] }], compactions: [] }),
    ).rejects.toThrow(/NOT NULL/);
    expect((await store.load('owned')).clientOwners).toHaveLength(2);
    await store.remove('owned');
    expect((await store.load('owned')).clientOwners).toEqual([]);
    expect((await store.load('other')).clientOwners).toEqual([{ clientId: 7, userId: 'user-cy-00001' }]);
  });

  it('removes a board entirely', async () => {
    const store = await make();
    const doc = new Y.Doc();
    await store.write({
      appends: [{ boardId: 'gone', update: textUpdate(doc, 'x') }],
      compactions: [{ boardId: 'gone', snapshot: Y.encodeStateAsUpdate(doc) }],
    });
    await store.remove('gone');
    expect(await store.load('gone')).toEqual({ snapshot: null, updates: [], updateBytes: 0, clientOwners: [] });
  });

  it('removes a board after the appends of its own batch, leaving the other boards as they were', async () => {
    const store = await make();
    const doc = new Y.Doc();
    const kept = textUpdate(new Y.Doc(), 'kept');
    await store.write({ appends: [{ boardId: 'gone', update: textUpdate(doc, 'x') }, { boardId: 'kept', update: kept }], compactions: [] });
    await store.write({
      appends: [{ boardId: 'gone', update: textUpdate(doc, 'y') }],
      compactions: [{ boardId: 'gone', snapshot: Y.encodeStateAsUpdate(doc) }],
      removals: ['gone'],
    });
    expect(await store.load('gone')).toEqual({ snapshot: null, updates: [], updateBytes: 0, clientOwners: [] });
    expect((await store.load('kept')).updates).toEqual([kept]);
  });
});
