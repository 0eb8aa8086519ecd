/**
 * "What's new" (issue 13) below the network: the room's tracker (server/sync/activity.ts) on a
 * real Y.Doc notes which comments, touchpoints and feelings changed and by whom, forgets removed
 * and hidden ones, and writes in batches, not per keystroke; the store (server/boards/activity-
 * store.ts) on a real LibSQL file counts others' changes since each person's marker. Time and the
 * batch timer are the test's (the tracker's Clock and Schedule ports).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint, participantKey } from '../../shared/board-document.ts';
import { markDeleted } from '../../shared/recently-deleted.ts';
import { ActivityStore } from '../../server/boards/activity-store.ts';
import { BoardStore } from '../../server/boards/board-store.ts';
import type { ActivityChange, ActivityItem } from '../../server/ports/board-activity.ts';
import { openLibsqlDatabase } from '../../server/storage/libsql-database.ts';
import { migrate } from '../../server/storage/migrations.ts';
import type { SqlDatabase } from '../../server/storage/sql-database.ts';
import { ActivityTracker, type Schedule } from '../../server/sync/activity.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const boardId = 'board-0001';
let dir: ReturnType<typeof makeTempDir>;
let db: SqlDatabase;
let store: ActivityStore;
let boards: BoardStore;

beforeEach(async () => {
  dir = makeTempDir();
  db = await openLibsqlDatabase({ url: `file:${dir.path}/activity.db` });
  await migrate(db);
  for (const [id, name] of [['ann-0001', 'Ann'], ['bob-0001', 'Bob'], ['cal-0001', 'Cal']] as const) {
    await db.execute({ sql: 'INSERT INTO users (id, display_name, created_at) VALUES (?, ?, 0)', args: [id, name] });
  }
  boards = new BoardStore(db);
  store = new ActivityStore(db);
  await boards.create({ id: boardId, title: 'Ward 7', createdBy: 'ann-0001', now: 1_000 });
  await boards.joinAtLeast(boardId, 'bob-0001', 'edit', 1_000);
});
afterEach(() => {
  db.close();
  dir.remove();
});

/** A tracker on a fresh document with a clock and a batch timer the test moves; origins are user ids. */
function tracked() {
  const doc = new Y.Doc();
  const clock = { time: 2_000, now: () => clock.time };
  const timers: { task: () => void; cancelled: boolean }[] = [];
  const schedule: Schedule = (task) => {
    const timer = { task, cancelled: false };
    timers.push(timer);
    return () => void (timer.cancelled = true);
  };
  const writes: { changes: ActivityChange[]; removals: ActivityItem[] }[] = [];
  const sink = {
    record: (id: string, changes: ActivityChange[], removals: ActivityItem[]) => (writes.push({ changes, removals }), store.record(id, changes, removals)),
    seen: (id: string, userId: string, at: number) => store.seen(id, userId, at),
  };
  const tracker = new ActivityTracker({
    boardId,
    doc,
    sink,
    clock,
    changedBy: (origin) => (typeof origin === 'string' ? origin : undefined),
    schedule,
    onError: (error) => {
      throw error;
    },
  });
  /** Runs the batch timer if one is waiting; resolves once written. */
  const fireTimer = async () => {
    for (const timer of timers.splice(0)) if (!timer.cancelled) timer.task();
    await tracker.flush();
  };
  const as = (userId: string | undefined, change: () => void) => doc.transact(change, userId);
  return { doc, clock, timers, writes, tracker, fireTimer, as, types: boardTypes(doc) };
}

const rows = async () =>
  (await db.execute('SELECT kind, item_key, actor_id, changed_at FROM board_activity ORDER BY kind, item_key')).rows.map((row) => ({ ...row }));

function comment(id: string, authorId: string, target: { type: string; id: string }, body = 'Hello') {
  const map = new Y.Map<unknown>();
  map.set('id', id);
  map.set('target', target);
  map.set('parentId', null);
  map.set('authorId', authorId);
  map.set('body', new Y.Text(body));
  map.set('createdAt', 1);
  map.set('editedAt', null);
  map.set('resolvedAt', null);
  map.set('resolvedBy', null);
  return map;
}

describe('the activity tracker', () => {
  it('takes a "Me too" count going up or down as no change to the comment', async () => {
    const { as, types, fireTimer } = tracked();
    as('ann-0001', () => types.comments.set('comment-1', comment('comment-1', 'ann-0001', { type: 'board', id: boardId })));
    await fireTimer();
    expect(await rows()).toEqual([{ kind: 'comment', item_key: 'comment-1', actor_id: 'ann-0001', changed_at: 2_000 }]);
    as('bob-0001', () => types.comments.get('comment-1')!.set('meToo', 1));
    await fireTimer();
    expect(await rows()).toEqual([{ kind: 'comment', item_key: 'comment-1', actor_id: 'ann-0001', changed_at: 2_000 }]);
    // Words are a change.
    as('bob-0001', () => types.comments.get('comment-1')!.set('resolvedAt', 5));
    await fireTimer();
    expect((await rows())[0]).toMatchObject({ actor_id: 'bob-0001' });
  });

  it("notes each comment, card and feeling added or changed, with who changed it last and the server's time", async () => {
    const { as, types, clock, fireTimer } = tracked();
    as('ann-0001', () => {
      types.stages.push([newStage('stage-arrive', 'Arriving')]);
      types.meta.set('title', 'A new title'); // not something the list counts
      types.touchpoints.set('card-desk', newTouchpoint({ id: 'card-desk', stageId: 'stage-arrive', order: 'a0', title: 'At the desk', createdBy: 'ann-0001', createdAt: 1 }));
      types.comments.set('comment-1', comment('comment-1', 'ann-0001', { type: 'touchpoint', id: 'card-desk' }));
    });
    clock.time = 3_000;
    // Bob types into the card's story, moves it, and gives his feeling.
    as('bob-0001', () => (types.touchpoints.get('card-desk')!.get('story') as Y.Text).insert(0, 'Long wait'));
    as('bob-0001', () => types.touchpoints.get('card-desk')!.set('order', 'a1'));
    as('bob-0001', () => types.feelings.set(participantKey('card-desk', 'bob-0001'), { score: -1, words: [], at: 3 }));
    expect(await rows()).toEqual([]); // nothing written before the batch is due
    await fireTimer();
    expect(await rows()).toEqual([
      { kind: 'comment', item_key: 'comment-1', actor_id: 'ann-0001', changed_at: 2_000 },
      { kind: 'feeling', item_key: 'card-desk/bob-0001', actor_id: 'bob-0001', changed_at: 3_000 },
      { kind: 'touchpoint', item_key: 'card-desk', actor_id: 'bob-0001', changed_at: 3_000 },
    ]);

    // Words of the comment, then a field of it (resolved), each count as changing it.
    clock.time = 4_000;
    as('bob-0001', () => (types.comments.get('comment-1')!.get('body') as Y.Text).insert(5, '!'));
    await fireTimer();
    expect((await rows())[0]).toEqual({ kind: 'comment', item_key: 'comment-1', actor_id: 'bob-0001', changed_at: 4_000 });
    clock.time = 5_000;
    as('ann-0001', () => types.comments.get('comment-1')!.set('resolvedAt', 5));
    await fireTimer();
    expect((await rows())[0]).toEqual({ kind: 'comment', item_key: 'comment-1', actor_id: 'ann-0001', changed_at: 5_000 });
  });

  it('writes many changes as one batch when its timer is due, and only then', async () => {
    const { as, types, timers, writes, fireTimer, tracker } = tracked();
    as('ann-0001', () => types.touchpoints.set('card-desk', newTouchpoint({ id: 'card-desk', stageId: 'stage-x', order: 'a0', title: '', createdBy: 'ann-0001', createdAt: 1 })));
    const story = () => types.touchpoints.get('card-desk')!.get('story') as Y.Text;
    for (const letter of 'a long story typed letter by letter') as('ann-0001', () => story().insert(story().length, letter));
    expect(timers).toHaveLength(1); // one timer for the whole burst
    expect(tracker.pending).toBe(1);
    expect(writes).toEqual([]);
    await fireTimer();
    expect(writes).toHaveLength(1);
    expect(writes[0]!.changes).toEqual([expect.objectContaining({ kind: 'touchpoint', key: 'card-desk', actorId: 'ann-0001' })]);
    // The next change starts the next batch.
    as('ann-0001', () => story().insert(0, '!'));
    expect(timers).toHaveLength(1);
  });

  it("forgets what is removed or hidden in Recently deleted, even by the room's own changes, and counts a restore as the restorer's", async () => {
    const { as, types, fireTimer, doc } = tracked();
    as('ann-0001', () => {
      types.stages.push([newStage('stage-arrive', 'Arriving')]);
      for (const id of ['card-desk', 'card-wait']) types.touchpoints.set(id, newTouchpoint({ id, stageId: 'stage-arrive', order: 'a0', title: id, createdBy: 'ann-0001', createdAt: 1 }));
      types.comments.set('comment-1', comment('comment-1', 'ann-0001', { type: 'touchpoint', id: 'card-desk' }));
      types.comments.set('comment-2', comment('comment-2', 'ann-0001', { type: 'board', id: 'board' }));
      types.feelings.set(participantKey('card-wait', 'ann-0001'), { score: 1, words: [], at: 1 });
    });
    await fireTimer();
    expect((await rows()).map((row) => row['item_key'])).toEqual(['comment-1', 'comment-2', 'card-wait/ann-0001', 'card-desk', 'card-wait']);

    // Nobody's change (the room's purge) still removes.
    as(undefined, () => types.comments.delete('comment-2'));
    await fireTimer();
    expect((await rows()).map((row) => row['item_key'])).toEqual(['comment-1', 'card-wait/ann-0001', 'card-desk', 'card-wait']);

    // Bob deletes the stage: its cards, their comments and feelings are hidden, so forgotten.
    markDeleted(doc, { id: 'stage-arrive', kind: 'stage', deletedBy: 'bob-0001', deletedAt: 9 }, 'bob-0001');
    await fireTimer();
    expect(await rows()).toEqual([]);

    // Cal brings it back: all of it counts as changed by Cal.
    as('cal-0001', () => types.deleted.delete('stage-arrive'));
    await fireTimer();
    expect((await rows()).map((row) => [row['item_key'], row['actor_id']])).toEqual([
      ['comment-1', 'cal-0001'],
      ['card-wait/ann-0001', 'cal-0001'],
      ['card-desk', 'cal-0001'],
      ['card-wait', 'cal-0001'],
    ]);
  });

  it('records nothing for changes made by no one (the room loading or purging)', async () => {
    const { as, types, timers } = tracked();
    as(undefined, () => types.touchpoints.set('card-desk', newTouchpoint({ id: 'card-desk', stageId: 's', order: 'a0', title: '', createdBy: 'ann-0001', createdAt: 1 })));
    expect(timers).toEqual([]);
  });

  it('stopped (a deleted board), it drops what is pending and notes nothing more', async () => {
    const { as, types, timers, writes, tracker } = tracked();
    as('ann-0001', () => types.comments.set('comment-1', comment('comment-1', 'ann-0001', { type: 'board', id: 'b' })));
    tracker.stop();
    expect(timers[0]!.cancelled).toBe(true);
    as('ann-0001', () => types.comments.set('comment-2', comment('comment-2', 'ann-0001', { type: 'board', id: 'b' })));
    tracker.seen('ann-0001');
    await tracker.flush();
    expect(writes).toEqual([]);
    expect((await db.execute('SELECT * FROM board_seen')).rows).toEqual([]);
  });
});

describe('the activity store', () => {
  const change = (kind: ActivityChange['kind'], key: string, actorId: string | null, at: number): ActivityChange => ({ kind, key, actorId, at });

  it("counts others' changes after each person's marker: when they last had it open, or joined if never", async () => {
    await boards.joinAtLeast(boardId, 'cal-0001', 'comment', 5_000); // Cal joins later
    await store.record(boardId, [
      change('touchpoint', 'card-1', 'ann-0001', 2_000),
      change('comment', 'comment-1', 'ann-0001', 6_000),
      change('comment', 'comment-2', 'bob-0001', 7_000),
      change('feeling', 'card-1/bob-0001', 'bob-0001', 7_000),
      change('comment', 'comment-3', null, 8_000),
    ], []);
    expect((await store.unreadFor('ann-0001')).get(boardId)).toEqual({ comments: 2, touchpoints: 0, feelings: 1 });
    expect((await store.unreadFor('bob-0001')).get(boardId)).toEqual({ comments: 2, touchpoints: 1, feelings: 0 });
    expect((await store.unreadFor('cal-0001')).get(boardId)).toEqual({ comments: 3, touchpoints: 0, feelings: 1 });

    // Bob had it open until 6,500: only what came after counts.
    await store.seen(boardId, 'bob-0001', 6_500);
    expect((await store.unreadFor('bob-0001')).get(boardId)).toEqual({ comments: 1, touchpoints: 0, feelings: 0 });
    expect(await store.newsFor(boardId, 'bob-0001')).toEqual({ since: 6_500, items: [{ kind: 'comment', key: 'comment-3', at: 8_000 }] });
    // A marker never moves back.
    await store.seen(boardId, 'bob-0001', 3_000);
    expect((await store.newsFor(boardId, 'bob-0001'))?.since).toBe(6_500);
    await store.seen(boardId, 'bob-0001', 9_000);
    expect((await store.unreadFor('bob-0001')).get(boardId)).toBeUndefined();
  });

  it('keeps nothing for a board or person that is not there: no marker for a non-member, no activity for a deleted board', async () => {
    await store.seen(boardId, 'cal-0001', 9_000);
    expect(await store.newsFor(boardId, 'cal-0001')).toBeNull();
    await store.record(boardId, [change('comment', 'comment-1', 'ann-0001', 2_000)], []);
    await store.seen(boardId, 'bob-0001', 3_000);
    await boards.remove(boardId);
    await store.record(boardId, [change('comment', 'comment-2', 'ann-0001', 4_000)], []);
    await store.seen(boardId, 'bob-0001', 5_000);
    expect((await db.execute('SELECT * FROM board_activity')).rows).toEqual([]);
    expect((await db.execute('SELECT * FROM board_seen')).rows).toEqual([]);
  });
});
