/**
 * "Recently deleted" counts its 30 days by the server's clock: an entry a client writes with a
 * time far in the past (a device's clock, or someone trying to make the next load remove a card
 * for good) is taken, and the server dates it again at once, so it is still there to restore
 * after a restart. On both targets (test/support/targets.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardTypes } from '../../shared/board-document.ts';
import { markDeleted, readDeletedEntry, recentlyDeletedMs } from '../../shared/recently-deleted.ts';
import { roundTrip, seedAsFacilitator, seeded, syncedClient } from '../support/guard-board.ts';
import { joinBoard } from '../support/invites.ts';
import { startRestartable, type RestartableApp } from '../support/restartable-app.ts';
import type { SyncClient } from '../support/sync-client.ts';
import { targets } from '../support/targets.ts';
import { createBoard, signUp, type TestPerson } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

describe.each(targets)('deletion times on %s', (target) => {
  let app: RestartableApp;
  let boardId: string;
  let fay: TestPerson;
  let ed: TestPerson;
  const open: SyncClient[] = [];

  beforeAll(async () => {
    app = await startRestartable(target);
    fay = await signUp(app, 'Fay');
    boardId = await createBoard(app, fay);
    ed = await joinBoard(app, fay, boardId, 'edit', 'Ed');
  }, 120_000);
  afterAll(async () => {
    try {
      for (const client of open.splice(0)) client.destroy();
    } finally {
      await app?.dispose();
    }
  });

  it('dates a deletion sent with a time 31 days back by the server’s clock, so the next load keeps it', async () => {
    const fays = await syncedClient(app, boardId, fay, open);
    seedAsFacilitator(fays.doc, fay.id);
    await roundTrip(fays);
    const eds = await syncedClient(app, boardId, ed, open);
    const before = Date.now();
    markDeleted(eds.doc, { id: seeded.reception, kind: 'touchpoint', deletedAt: before - recentlyDeletedMs - 24 * 60 * 60 * 1000, deletedBy: ed.id }, null);
    const deletedAt = () => readDeletedEntry(seeded.reception, boardTypes(fays.doc).deleted.get(seeded.reception))?.deletedAt ?? null;
    await waitUntil(() => (deletedAt() ?? 0) >= before - 60_000, 'the facilitator sees the deletion dated by the server', 20_000);

    for (const client of open.splice(0)) client.destroy();
    await app.restart();
    const later = await syncedClient(app, boardId, fay, open);
    expect(boardTypes(later.doc).touchpoints.has(seeded.reception)).toBe(true);
    expect(readDeletedEntry(seeded.reception, boardTypes(later.doc).deleted.get(seeded.reception))?.deletedBy).toBe(ed.id);
  }, 180_000);
});
