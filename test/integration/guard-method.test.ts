/**
 * The guard and the EBCD method's records (issue 16), on both targets, with stock y-websocket
 * clients: priority areas are the facilitator's; an area's actions, ideas and before-and-after
 * note are also its co-design group's (members with `edit` whose id is in the area's `group`).
 * - A group member adds actions with owners and days, marks one done with a note, adds an idea and
 *   writes the before-and-after: all taken and relayed.
 * - An `edit` member outside the group can change none of it — each attempt closes their socket
 *   with 4422 and reaches nobody — nor join the group themselves; a group member cannot organise
 *   the areas; values the schema does not allow are refused from anyone.
 * - Anyone who can comment comments on an action; feelings "now" (`feelingsAfter`) are given
 *   over HTTP like feelings, and no client writes one — not another person's, not its own.
 * - The facilitator removes an area with its actions, ideas and the comments about them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardTypes, participantKey } from '../../shared/board-document.ts';
import { giveFeeling } from '../support/feelings.ts';
import { actionsOf, ideasOf, methodTypes, movePriority, newAction, newIdea, newPriority, prioritiesOf } from '../../shared/method.ts';
import { CloseCode } from '../../shared/sync-protocol.ts';
import { documentJson, newComment, roundTrip, seedAsFacilitator, seeded, setUpBoard, syncedClient, type Cast } from '../support/guard-board.ts';
import { joinBoard } from '../support/invites.ts';
import { nextCloseCode, type SyncClient } from '../support/sync-client.ts';
import { targets, type Target } from '../support/targets.ts';
import { api, signUp, type TestPerson } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

const waitingArea = 'priority-waiting';
const otherArea = 'priority-leaving';
const fayAction = 'action-by-fay';

describe.each(targets)('the guard and the method’s records on %s', (target) => {
  let app: Target;
  let boardId: string;
  let cast: Cast;
  /** An `edit` member in the "Waiting" area's group. */
  let gus: TestPerson;
  let fay: SyncClient;
  let watcher: SyncClient;
  const open: SyncClient[] = [];
  const client = (person: TestPerson) => syncedClient(app, boardId, person, open);
  const same = (a: SyncClient, b: SyncClient) => JSON.stringify(documentJson(a.doc)) === JSON.stringify(documentJson(b.doc));

  beforeAll(async () => {
    app = await target.start();
    ({ boardId, cast } = await setUpBoard(app));
    gus = await joinBoard(app, cast.facilitate, boardId, 'edit', await signUp(app, 'Gus'));
    fay = await client(cast.facilitate);
    seedAsFacilitator(fay.doc, cast.facilitate.id);
    const { priorities, actions } = methodTypes(fay.doc);
    const now = Date.now();
    fay.doc.transact(() => {
      priorities.set(waitingArea, newPriority({ id: waitingArea, title: 'Waiting without news', touchpointIds: [seeded.reception], order: 'a0', createdBy: cast.facilitate.id, createdAt: now }));
      priorities.set(otherArea, newPriority({ id: otherArea, title: 'Going home', touchpointIds: [], order: 'a1', createdBy: cast.facilitate.id, createdAt: now }));
      priorities.get(waitingArea)!.set('group', [gus.id, cast.comment.id]);
      actions.set(fayAction, newAction({ id: fayAction, priorityId: waitingArea, what: 'Ask the ward what people wait for', order: 'a0', createdBy: cast.facilitate.id, createdAt: now }));
    });
    movePriority(fay.doc, waitingArea, 'shortlisted', cast.facilitate.id, now + 1, null);
    movePriority(fay.doc, waitingArea, 'agreed', cast.facilitate.id, now + 2, null);
    await roundTrip(fay);
    watcher = await client(cast.view);
  }, 180_000);
  afterAll(async () => {
    for (const one of open.splice(0)) one.destroy();
    await app?.dispose();
  });

  it('takes a group member’s actions, ideas and review, and everyone sees them', async () => {
    const g = await client(gus);
    const { actions, ideas, priorities } = methodTypes(g.doc);
    const now = Date.now();
    actions.set('action-leaflet', newAction({ id: 'action-leaflet', priorityId: waitingArea, what: 'A leaflet on what happens next', owner: { userId: gus.id }, due: '2027-03-31', order: 'a1', createdBy: gus.id, createdAt: now }));
    actions.set('action-board', newAction({ id: 'action-board', priorityId: waitingArea, what: 'A screen showing waiting times', owner: { name: 'Ward 4 nurses' }, due: '2027-01-15', order: 'a2', createdBy: gus.id, createdAt: now }));
    g.doc.transact(() => {
      const board = actions.get('action-board')!;
      board.set('status', 'done');
      (board.get('note') as Y.Text).insert(0, 'Up since January.');
    });
    // Someone else's action in their area, too: status and words.
    actions.get(fayAction)!.set('status', 'under-way');
    (actions.get(fayAction)!.get('what') as Y.Text).insert(0, 'Soon: ');
    ideas.set('idea-text', newIdea({ id: 'idea-text', priorityId: waitingArea, body: 'Text people when the clinic runs late', createdBy: gus.id, createdAt: now }));
    (priorities.get(waitingArea)!.get('beforeAfter') as Y.Text).insert(0, 'Before: nobody knew. After: the screen says.');
    await roundTrip(g);
    await waitUntil(() => same(watcher, g), 'the watcher has all of it', 20_000);

    expect(actionsOf(watcher.doc, waitingArea).map((action) => [action.id, action.status, action.owner, action.due])).toEqual([
      [fayAction, 'under-way', null, null],
      ['action-leaflet', 'not-started', { userId: gus.id }, '2027-03-31'],
      ['action-board', 'done', { name: 'Ward 4 nurses' }, '2027-01-15'],
    ]);
    expect(ideasOf(watcher.doc, waitingArea).map((idea) => idea.body)).toEqual(['Text people when the clinic runs late']);
    expect(prioritiesOf(watcher.doc).map((area) => [area.title, area.step, area.funnel.map((move) => move.step), area.beforeAfter])).toEqual([
      ['Waiting without news', 'agreed', ['considered', 'shortlisted', 'agreed'], 'Before: nobody knew. After: the screen says.'],
      ['Going home', 'considered', ['considered'], ''],
    ]);
    expect(g.provider.wsconnected).toBe(true);
  });

  const refusedFrom = async (person: TestPerson, changes: Record<string, (doc: Y.Doc) => void>) => {
    const outcomes: Record<string, unknown> = {};
    await Promise.all(
      Object.entries(changes).map(async ([what, change]) => {
        const attacker = await client(person);
        const closed = nextCloseCode(attacker.provider, 20_000).catch(() => 'still open');
        change(attacker.doc);
        outcomes[what] = await closed;
      }),
    );
    expect(outcomes).toEqual(Object.fromEntries(Object.keys(changes).map((what) => [what, CloseCode.changeRefused])));
    // Nothing of it reached anyone: an honest change after it arrives, and the rest is as it was.
    const before = JSON.stringify(documentJson(watcher.doc));
    const purpose = `Checked after ${person.displayName}'s attempts ${Date.now()}`;
    boardTypes(fay.doc).meta.set('purpose', purpose);
    await waitUntil(() => boardTypes(watcher.doc).meta.get('purpose') === purpose, 'the honest change arrived', 20_000);
    const after = documentJson(watcher.doc);
    (after['meta'] as Record<string, unknown>)['purpose'] = (JSON.parse(before) as { meta: Record<string, unknown> }).meta['purpose'];
    expect(JSON.stringify(after)).toBe(before);
  };

  it('refuses every change an edit member outside the group makes to the group’s work', async () => {
    const me = cast.edit.id;
    const now = Date.now();
    await refusedFrom(cast.edit, {
      'marks the group’s action done': (doc) => methodTypes(doc).actions.get('action-leaflet')!.set('status', 'done'),
      'types into the group’s action': (doc) => (methodTypes(doc).actions.get('action-leaflet')!.get('what') as Y.Text).insert(0, 'Not '),
      'gives the action another owner': (doc) => methodTypes(doc).actions.get('action-leaflet')!.set('owner', { userId: me }),
      'adds an action to the group’s area': (doc) =>
        methodTypes(doc).actions.set('action-mine', newAction({ id: 'action-mine', priorityId: waitingArea, what: 'Mine', order: 'a3', createdBy: me, createdAt: now })),
      'removes the group’s action': (doc) => methodTypes(doc).actions.delete('action-leaflet'),
      'adds an idea': (doc) => methodTypes(doc).ideas.set('idea-mine', newIdea({ id: 'idea-mine', priorityId: waitingArea, body: 'Mine', createdBy: me, createdAt: now })),
      'writes the before and after': (doc) => (methodTypes(doc).priorities.get(waitingArea)!.get('beforeAfter') as Y.Text).insert(0, 'No change. '),
      'puts themselves in the group': (doc) => methodTypes(doc).priorities.get(waitingArea)!.set('group', [gus.id, cast.comment.id, me]),
      'makes a priority area': (doc) =>
        methodTypes(doc).priorities.set('priority-mine', newPriority({ id: 'priority-mine', title: 'Mine', touchpointIds: [], order: 'a2', createdBy: me, createdAt: now })),
      'moves an area in the funnel': (doc) => movePriority(doc, otherArea, 'agreed', me, now, null),
    });
  }, 120_000);

  it('refuses a group member organising the areas, and values the schema does not allow', async () => {
    const now = Date.now();
    const leaflet = (doc: Y.Doc) => methodTypes(doc).actions.get('action-leaflet')!;
    await refusedFrom(gus, {
      'renames the area': (doc) => (methodTypes(doc).priorities.get(waitingArea)!.get('title') as Y.Text).insert(0, 'Our '),
      'sets the area aside': (doc) => movePriority(doc, waitingArea, 'set-aside', gus.id, now, null),
      'works on another area': (doc) =>
        methodTypes(doc).actions.set('action-elsewhere', newAction({ id: 'action-elsewhere', priorityId: otherArea, what: 'Elsewhere', order: 'a0', createdBy: gus.id, createdAt: now })),
      'adds an action for an area that is not there': (doc) =>
        methodTypes(doc).actions.set('action-nowhere', newAction({ id: 'action-nowhere', priorityId: 'priority-nowhere', what: 'Nowhere', order: 'a0', createdBy: gus.id, createdAt: now })),
      'removes the facilitator’s action': (doc) => methodTypes(doc).actions.delete(fayAction),
      'moves an action to another area': (doc) => leaflet(doc).set('priorityId', otherArea),
      'gives a day that does not exist': (doc) => leaflet(doc).set('due', '2027-02-30'),
      'gives a status there is not': (doc) => leaflet(doc).set('status', 'finished'),
      'gives an owner both ways': (doc) => leaflet(doc).set('owner', { userId: gus.id, name: 'Gus' }),
      'gives an owner a blank name': (doc) => leaflet(doc).set('owner', { name: '  ' }),
      'writes more than an action holds': (doc) => (leaflet(doc).get('what') as Y.Text).insert(0, 'x'.repeat(501)),
      'adds an action in someone else’s name': (doc) =>
        methodTypes(doc).actions.set('action-forged', newAction({ id: 'action-forged', priorityId: waitingArea, what: 'Forged', order: 'a5', createdBy: cast.facilitate.id, createdAt: now })),
    });
  }, 120_000);

  it('takes comments on an action from anyone who can comment, and each person’s own feelings now over HTTP, never through a socket', async () => {
    const cam = await client(cast.comment);
    boardTypes(cam.doc).comments.set('comment-on-action', (() => {
      const comment = newComment({ id: 'comment-on-action', authorId: cast.comment.id, body: 'Can the screen be bigger?', touchpointId: seeded.reception });
      comment.set('target', { type: 'action', id: 'action-board' });
      return comment;
    })());
    await roundTrip(cam);
    // How it feels now, given over HTTP: the server writes it under a key that names nobody.
    const camsNow = (await giveFeeling(app, boardId, cast.comment, seeded.reception, { score: 1, words: ['reassured'] }, 'feelingsAfter'))!;
    const gusNow = (await giveFeeling(app, boardId, gus, seeded.reception, { score: -1 }, 'feelingsAfter'))!;
    // Through the server too: on an idea (and a 404 for an idea that is not there).
    const onIdea = (id: string, ideaId: string) =>
      api(app, `/api/boards/${boardId}/comments`, { body: { id, target: { type: 'idea', id: ideaId }, parentId: null, body: 'Yes please', anonymous: false }, cookie: cast.comment.cookie });
    expect((await onIdea('comment-on-idea', 'idea-text')).status).toBe(201);
    expect((await onIdea('comment-on-no-idea', 'idea-not-there')).status).toBe(404);
    await waitUntil(
      () =>
        ['comment-on-action', 'comment-on-idea'].every((id) => boardTypes(watcher.doc).comments.has(id)) &&
        boardTypes(watcher.doc).feelingsAfter.get(camsNow)?.score === 1 &&
        boardTypes(watcher.doc).feelingsAfter.get(gusNow)?.score === -1,
      'the comments and feelings arrive',
      20_000,
    );
    // A comment member in the group still cannot write actions: that takes `edit`.
    await refusedFrom(cast.comment, {
      'adds an action': (doc) =>
        methodTypes(doc).actions.set('action-cam', newAction({ id: 'action-cam', priorityId: waitingArea, what: 'Cam', order: 'a6', createdBy: cast.comment.id, createdAt: Date.now() })),
      "changes another person's feeling now": (doc) => boardTypes(doc).feelingsAfter.set(gusNow, { score: -2, words: [], at: Date.now() }),
      "removes another person's feeling now": (doc) => boardTypes(doc).feelingsAfter.delete(gusNow),
      "gives another person's feeling now under their id": (doc) => boardTypes(doc).feelingsAfter.set(participantKey(seeded.reception, gus.id), { score: -2, words: [], at: Date.now() }),
      'gives its own feeling now under its own id': (doc) => boardTypes(doc).feelingsAfter.set(participantKey(seeded.reception, cast.comment.id), { score: 2, words: [], at: Date.now() }),
      'changes its own feeling now where the server wrote it': (doc) => boardTypes(doc).feelingsAfter.set(camsNow, { score: 2, words: [], at: Date.now() }),
    });
  }, 120_000);

  it('lets the facilitator remove an area with its actions, ideas and the comments about them', async () => {
    const { priorities, actions, ideas } = methodTypes(fay.doc);
    fay.doc.transact(() => {
      for (const action of actionsOf(fay.doc, waitingArea)) actions.delete(action.id);
      for (const idea of ideasOf(fay.doc, waitingArea)) ideas.delete(idea.id);
      boardTypes(fay.doc).comments.delete('comment-on-action');
      boardTypes(fay.doc).comments.delete('comment-on-idea');
      priorities.delete(waitingArea);
    });
    await roundTrip(fay);
    await waitUntil(() => prioritiesOf(watcher.doc).length === 1 && methodTypes(watcher.doc).actions.size === 0, 'the area is gone for everyone', 20_000);
    expect(boardTypes(watcher.doc).comments.has('comment-on-action')).toBe(false);
    expect(boardTypes(watcher.doc).comments.has('comment-on-idea')).toBe(false);
    expect(fay.provider.wsconnected).toBe(true);
  });
});
