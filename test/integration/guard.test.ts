/**
 * The server's guard against what stock y-websocket clients send (issue 12), on both targets
 * (test/support/targets.ts): one board with a facilitator, an `edit`, a `comment` and a `view`
 * member (support/guard-board.ts). Each member tries every change their access forbids
 * (support/forbidden-changes.ts), each from a fresh client of their own, and
 *
 * - each is refused: that socket is closed with 4422 and the server logs one line naming the
 *   board and the person (a view member's changes are dropped silently and its socket stays open);
 * - an honest observer on the same board never gets any of it: after a later honest change reaches
 *   it, its document is exactly the reference (the board plus every honest change, nothing else);
 * - the same members' every allowed change still goes through, to the observer; their feelings,
 *   which no client may write (not even its own: a key it chose would say whose), they give over
 *   HTTP, and the server writes them; a facilitator emptying Recently deleted of a card removes
 *   the feelings on it, for good;
 * - after a restart, a fresh client loads exactly the reference: nothing refused was stored.
 *
 * One board and one restart per target check everything (a wrangler dev start is slow).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Access } from '../../shared/access.ts';
import type { FeelingMapName } from '../../shared/api.ts';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { CloseCode } from '../../shared/sync-protocol.ts';
import { purgeDeleted } from '../../shared/recently-deleted.ts';
import { deleteStage, deleteTouchpoint, moveStage, moveTouchpoint } from '../../client/src/board/ordering.ts';
import { giveFeeling, myFeelings, type FeelingGiven } from '../support/feelings.ts';
import { forbiddenChanges } from '../support/forbidden-changes.ts';
import {
  documentJson,
  newComment,
  Reference,
  roundTrip,
  seedAsEditor,
  seedAsFacilitator,
  seeded,
  seedFeelings,
  setUpBoard,
  syncedClient,
  type Cast,
} from '../support/guard-board.ts';
import { startRestartable, type RestartableApp } from '../support/restartable-app.ts';
import { nextCloseCode, type SyncClient } from '../support/sync-client.ts';
import { targets } from '../support/targets.ts';
import type { TestPerson } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

/** How long a socket may take to be closed after its change (a 1 MB frame on a busy machine included). */
const closeTimeoutMs = 20_000;

describe.each(targets)('the guard on %s', (target) => {
  let app: RestartableApp;
  let boardId: string;
  let cast: Cast;
  let reference: Reference;
  /** The facilitator's second client: it only watches. */
  let observer: SyncClient;
  /** One long-lived client per member who may write, making only allowed changes. */
  const honest = {} as Record<'facilitate' | 'edit' | 'comment', SyncClient>;
  /** Close codes honest clients met (none expected). */
  const honestCloses: string[] = [];
  const open: SyncClient[] = [];

  const client = (person: TestPerson) => syncedClient(app, boardId, person, open);
  const observerMatchesReference = (what: string) =>
    waitUntil(() => JSON.stringify(documentJson(observer.doc)) === JSON.stringify(documentJson(reference.doc)), what, 20_000).catch(() =>
      // Show the difference rather than a timeout.
      expect(documentJson(observer.doc)).toEqual(documentJson(reference.doc)),
    );
  /** An honest change by the facilitator, waited for at the observer: it is up to date from then on. */
  const laterHonestChange = async (purpose: string) => {
    boardTypes(honest.facilitate.doc).meta.set('purpose', purpose);
    await waitUntil(() => boardTypes(observer.doc).meta.get('purpose') === purpose, `the observer got "${purpose}"`, 20_000);
  };
  /** The server's `change refused` lines about this board and `person`. */
  const refusalsLogged = (person: TestPerson) =>
    app.output().split('\n').filter((line) => line.includes(`change refused on board ${boardId} from user ${person.id}:`));
  /** Where the server wrote each member's feeling at the reception (a view member may not give one). */
  const feelingOf = {} as Record<'facilitate' | 'edit' | 'comment', string>;
  const victimOf = (access: Access) => ({
    ...(access === 'facilitate'
      ? { victim: cast.edit.id, victimComment: seeded.editorComment, victimFeeling: feelingOf.edit }
      : { victim: cast.facilitate.id, victimComment: seeded.facilitatorComment, victimFeeling: feelingOf.facilitate }),
    myFeeling: access === 'view' ? undefined : feelingOf[access],
  });
  /**
   * Once the observer has the feeling the server wrote at `key` (`feeling`, at the server's
   * minute), the reference takes it too: the server's write is honest, but no client's own.
   */
  const serverWroteFeeling = async (key: string, feeling: FeelingGiven, map: FeelingMapName = 'feelings') => {
    const written = () => boardTypes(observer.doc)[map].get(key);
    await waitUntil(() => written()?.score === feeling.score && JSON.stringify(written()?.words) === JSON.stringify(feeling.words ?? []), `the observer got the feeling at ${key}`, 20_000);
    boardTypes(reference.doc)[map].set(key, written()!);
  };
  /** `person` gives (or changes) their feeling at a card over HTTP; resolves to its key once the observer has it. */
  const feelingGiven = async (person: TestPerson, feeling: FeelingGiven, map: FeelingMapName = 'feelings', touchpointId: string = seeded.reception) => {
    const key = (await giveFeeling(app, boardId, person, touchpointId, feeling, map))!;
    await serverWroteFeeling(key, feeling, map);
    return key;
  };

  beforeAll(async () => {
    app = await startRestartable(target);
    ({ boardId, cast } = await setUpBoard(app));
    observer = await client(cast.facilitate);
    reference = new Reference(observer.doc);
    for (const access of ['facilitate', 'edit', 'comment'] as const) {
      honest[access] = await client(cast[access]);
      reference.follow(honest[access]);
      honest[access].provider.on('connection-close', (event: CloseEvent | null) => honestCloses.push(`${access}: ${event?.code}`));
    }
    seedAsFacilitator(honest.facilitate.doc, cast.facilitate.id);
    await waitUntil(() => boardTypes(honest.edit.doc).touchpoints.has(seeded.reception), 'the editor sees the touchpoint', 20_000);
    seedAsEditor(honest.edit.doc, cast.edit.id);
    await observerMatchesReference('the observer has the seeded board');
    const given = await seedFeelings(app, boardId, cast);
    await serverWroteFeeling(given.facilitate, { score: 2, words: ['safe'] });
    await serverWroteFeeling(given.edit, { score: -1, words: ['rushed', 'my own words'] });
    feelingOf.facilitate = given.facilitate;
    feelingOf.edit = given.edit;
    feelingOf.comment = await feelingGiven(cast.comment, { score: -1, words: ['anxious', 'no chairs left'] });
    await observerMatchesReference('the observer has the seeded feelings');
  }, 180_000);

  afterAll(async () => {
    try {
      for (const client of open.splice(0)) client.destroy();
    } finally {
      await app?.dispose(); // whatever a client's teardown threw, no server is left running
    }
  });

  it.each([
    { access: 'facilitate', who: 'a facilitator' },
    { access: 'edit', who: 'an edit member' },
    { access: 'comment', who: 'a comment member' },
  ] as const)(
    'refuses every forbidden change $who sends: its socket closes with 4422, nobody else gets it',
    async ({ access }) => {
      const person = cast[access];
      const changes = forbiddenChanges(access, { me: person.id, outsider: cast.outsider.id, ...victimOf(access) });
      const attackers = await Promise.all(changes.map(() => client(person)));
      const outcomes = await Promise.all(
        changes.map(async ({ what, change }, i) => {
          const closed = nextCloseCode(attackers[i]!.provider, closeTimeoutMs).catch(() => 'still open');
          change(attackers[i]!.doc);
          return [what, await closed] as const;
        }),
      );
      for (const attacker of attackers) open.splice(open.indexOf(attacker), 1)[0]!.destroy();
      expect(Object.fromEntries(outcomes)).toEqual(Object.fromEntries(changes.map(({ what }) => [what, CloseCode.changeRefused])));

      await laterHonestChange(`Checked after the ${access} member's attempts`);
      await observerMatchesReference('the observer has the board and honest changes only');
      await waitUntil(() => refusalsLogged(person).length >= changes.length, 'a log line for each refusal', 20_000).catch(() => undefined);
      expect(refusalsLogged(person)).toHaveLength(changes.length);
      expect(honestCloses).toEqual([]);
    },
    120_000,
  );

  it("drops every change a view member sends, without closing the member's socket", async () => {
    const person = cast.view;
    const changes = forbiddenChanges('view', { me: person.id, outsider: cast.outsider.id, ...victimOf('view') });
    const viewers = await Promise.all(changes.map(() => client(person)));
    const closes: string[] = [];
    viewers.forEach((viewer, i) => viewer.provider.on('connection-close', (event: CloseEvent | null) => closes.push(`${changes[i]!.what}: ${event?.code}`)));
    changes.forEach(({ change }, i) => change(viewers[i]!.doc));
    // The server has handled each viewer's change once it answers what that socket sent next.
    await Promise.all(viewers.map((viewer) => roundTrip(viewer)));

    const purpose = "Checked after the view member's attempts";
    await laterHonestChange(purpose);
    await waitUntil(() => viewers.every((viewer) => boardTypes(viewer.doc).meta.get('purpose') === purpose), 'every viewer got the later change', 20_000);
    expect(closes).toEqual([]);
    expect(viewers.every((viewer) => viewer.provider.wsconnected)).toBe(true);
    await observerMatchesReference('the observer has the board and honest changes only');
    expect(refusalsLogged(person)).toEqual([]);
  }, 120_000);

  it('takes every allowed change from the same members', async () => {
    const now = Date.now();
    // A comment member: changing their own feeling (over HTTP: the same key), a feeling now, a
    // comment and editing it.
    const c = honest.comment.doc;
    const commentId = 'comment-by-commenter';
    expect(await feelingGiven(cast.comment, { score: 0, words: ['reassured'] })).toBe(feelingOf.comment);
    const commentersNow = await feelingGiven(cast.comment, { score: 1, words: [] }, 'feelingsAfter');
    boardTypes(c).comments.set(commentId, newComment({ id: commentId, authorId: cast.comment.id, body: 'The chairs were hard', touchpointId: seeded.reception }));
    c.transact(() => {
      const comment = boardTypes(c).comments.get(commentId)!;
      (comment.get('body') as Y.Text).insert('The chairs were hard'.length, ' and cold');
      comment.set('editedAt', now + 2);
    });
    await observerMatchesReference("the comment member's changes arrived");

    // An editor: that, plus a touchpoint in their own name, its title and story, a move, a deletion.
    const e = honest.edit.doc;
    const { touchpoints } = boardTypes(e);
    expect(await feelingGiven(cast.edit, { score: 1, words: ['listened to'] })).toBe(feelingOf.edit);
    (boardTypes(e).comments.get(seeded.editorComment)!.get('body') as Y.Text).insert(0, 'Far ');
    touchpoints.set('touch-waiting-room', newTouchpoint({ id: 'touch-waiting-room', stageId: seeded.waiting, order: 'a0', title: 'Waiting room', createdBy: cast.edit.id, createdAt: now }));
    touchpoints.set('touch-car-park', newTouchpoint({ id: 'touch-car-park', stageId: seeded.arriving, order: 'a1', title: 'Car park', createdBy: cast.edit.id, createdAt: now }));
    touchpoints.set('touch-lift', newTouchpoint({ id: 'touch-lift', stageId: seeded.waiting, order: 'a2', title: 'Lift', createdBy: cast.edit.id, createdAt: now }));
    (touchpoints.get('touch-waiting-room')!.get('title') as Y.Text).insert('Waiting room'.length, ' 2');
    (touchpoints.get('touch-waiting-room')!.get('story') as Y.Text).insert(0, 'The screen showed the wrong names.');
    (touchpoints.get(seeded.reception)!.get('title') as Y.Text).insert('Reception'.length, ' desk');
    moveTouchpoint(e, 'touch-waiting-room', seeded.arriving, 0, null);
    deleteTouchpoint(e, 'touch-car-park', cast.edit.id, null);
    await observerMatchesReference("the editor's changes arrived");
    // A card someone gave a feeling on (over HTTP) goes into Recently deleted, the feeling with it.
    const liftFeeling = await feelingGiven(cast.comment, { score: -2, words: ['stuck'] }, 'feelings', 'touch-lift');
    deleteTouchpoint(e, 'touch-lift', cast.edit.id, null);
    await observerMatchesReference('the card with a feeling is in Recently deleted');

    // The facilitator: that, plus the board's title, purpose and phase, and stages.
    const f = honest.facilitate.doc;
    const { meta, stages } = boardTypes(f);
    expect(await feelingGiven(cast.facilitate, { score: 1, words: ['valued'] })).toBe(feelingOf.facilitate);
    (boardTypes(f).comments.get(seeded.facilitatorComment)!.get('body') as Y.Text).insert('Long wait'.length, ' again');
    f.transact(() => {
      meta.set('title', 'Outpatients: the wait');
      meta.set('phase', 'gather');
    });
    meta.set('purpose', 'Make waiting kinder');
    stages.push([newStage('stage-leaving', 'Leaving'), newStage('stage-follow-up', 'Follow-up')]);
    stages.get(1).set('title', 'Waiting room');
    moveStage(f, 'stage-leaving', 0, null);
    deleteStage(f, 'stage-follow-up', cast.facilitate.id, null);
    await observerMatchesReference("the facilitator's changes arrived");
    // Emptying Recently deleted of that card removes it for good with the feeling on it: the one
    // way a client removes a feeling the server wrote. (The reference holds the feeling under its
    // own Yjs item, which the facilitator's removal does not name: it is removed here by hand.)
    purgeDeleted(f, ['touch-lift'], null);
    boardTypes(reference.doc).feelings.delete(liftFeeling);
    await observerMatchesReference('the card and its feeling are gone for good');
    expect((await myFeelings(app, boardId, cast.comment)).feelings).toEqual({ [seeded.reception]: feelingOf.comment });

    // What they did is on the board as they did it, and none of their sockets was closed.
    const seen = boardTypes(observer.doc);
    expect(seen.feelings.get(feelingOf.comment)).toMatchObject({ score: 0, words: ['reassured'] });
    expect(seen.feelingsAfter.get(commentersNow)).toMatchObject({ score: 1, words: [] });
    expect([...seen.feelings.keys()].sort()).toEqual(Object.values(feelingOf).sort());
    expect(seen.comments.get(commentId)?.get('body')?.toString()).toBe('The chairs were hard and cold');
    expect(seen.touchpoints.get('touch-waiting-room')?.get('createdBy')).toBe(cast.edit.id);
    expect(seen.touchpoints.get('touch-waiting-room')?.get('stageId')).toBe(seeded.arriving);
    expect(seen.deleted.has('touch-car-park')).toBe(true);
    expect([seen.touchpoints.has('touch-lift'), seen.feelings.has(liftFeeling)]).toEqual([false, false]);
    expect(seen.stages.toArray().map((stage) => stage.get('title'))).toEqual(['Leaving', 'Arriving', 'Waiting room', 'Follow-up']);
    expect(seen.meta.get('phase')).toBe('gather');
    expect(honestCloses).toEqual([]);
  }, 120_000);

  it('after a restart, a fresh client loads the allowed changes and none of the refused ones', async () => {
    const expected = documentJson(reference.doc);
    // Nobody may send what they hold again: only what the server stored can answer.
    for (const each of open.splice(0)) each.destroy();
    await app.restart();
    const fresh = await client(cast.facilitate);
    expect(documentJson(fresh.doc)).toEqual(expected);
  }, 180_000);
});
