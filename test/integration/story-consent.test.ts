/**
 * Storyteller consent and withdrawal (issue 17), on both targets, with stock y-websocket clients:
 * - How a story may be shared (`touchpoints.<id>.consent`) is its storyteller's to say — also
 *   while editing is paused — or a facilitator's on their behalf; another member who can edit is
 *   refused with 4422 and reaches nobody; a value the schema does not know is refused from anyone;
 *   a card made without it (as before issue 17) is still taken.
 * - "Withdraw my story": only the storyteller or a facilitator (403 otherwise, 404 for no such
 *   moment, 400 for a body it does not take, each in the contract's error shape). The story's words
 *   go from everyone's copy; with feelings and comments asked for, the storyteller's own feelings
 *   on that moment (start and review, given over HTTP under keys that name nobody: only the
 *   server's records say whose they are) and comments on that moment — named, and posted without
 *   a name, which only the server knows — go too, with the replies to them; other people's stay,
 *   and so do the storyteller's feelings on other moments.
 * - Gone for good: a unique phrase from the story, a comment and a hidden comment's kept words is
 *   in no stored state a new client syncs, and on Node in no table's cell and not in the database
 *   file's or its write-ahead log's bytes, while people still have the board open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import type { ErrorBody } from '../../shared/errors.ts';
import { hiddenIds, markDeleted } from '../../shared/recently-deleted.ts';
import { editingPaused } from '../../shared/session.ts';
import { CloseCode } from '../../shared/sync-protocol.ts';
import { giveFeeling, myFeelings } from '../support/feelings.ts';
import { documentJson, newComment, roundTrip, setUpBoard, syncedClient, type Cast } from '../support/guard-board.ts';
import { joinBoard } from '../support/invites.ts';
import { cellsContaining, filesContaining } from '../support/stored-bytes.ts';
import { nextCloseCode, type SyncClient } from '../support/sync-client.ts';
import { targets, type Target } from '../support/targets.ts';
import { api, signUp, type TestPerson, type TestServer } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

const stageId = 'stage-on-the-ward';
const story = (doc: Y.Doc, id: string) => String(boardTypes(doc).touchpoints.get(id)?.get('story') ?? '');
const consent = (doc: Y.Doc, id: string) => boardTypes(doc).touchpoints.get(id)?.get('consent');

describe.each(targets)('storyteller consent and withdrawal on %s', (target) => {
  let app: Target;
  let boardId: string;
  let cast: Cast;
  /** A second member who can edit: not the storyteller of Ed's cards. */
  let gus: TestPerson;
  let fay: SyncClient;
  let ed: SyncClient;
  let watcher: SyncClient;
  const open: SyncClient[] = [];
  const client = (person: TestPerson) => syncedClient(app, boardId, person, open);
  let cards = 0;
  /** A new card of Ed's with `words` as its story, seen by the watcher. */
  const edsCard = async (words: string): Promise<string> => {
    const id = `touch-eds-${++cards}-${Date.now()}`;
    boardTypes(ed.doc).touchpoints.set(id, newTouchpoint({ id, stageId, order: `a${cards}`, title: `Ed's moment ${cards}`, story: words, createdBy: cast.edit.id, createdAt: Date.now() }));
    await waitUntil(() => story(watcher.doc, id) === words, 'the watcher sees the card', 20_000);
    return id;
  };
  const withdraw = (person: TestPerson, touchpointId: string, body: unknown) =>
    api(app, `/api/boards/${boardId}/touchpoints/${touchpointId}/withdraw`, { cookie: person.cookie, body });

  beforeAll(async () => {
    app = await target.start();
    ({ boardId, cast } = await setUpBoard(app));
    gus = await joinBoard(app, cast.facilitate, boardId, 'edit', await signUp(app, 'Gus'));
    fay = await client(cast.facilitate);
    fay.doc.transact(() => {
      boardTypes(fay.doc).stages.push([newStage(stageId, 'On the ward')]);
      boardTypes(fay.doc).meta.set('anonymousComments', true);
    });
    await roundTrip(fay);
    [ed, watcher] = await Promise.all([client(cast.edit), client(cast.view)]);
  }, 180_000);
  afterAll(async () => {
    for (const one of open.splice(0)) one.destroy();
    await app?.dispose();
  });

  it('lets the storyteller, or a facilitator for them, say how a story may be shared, and no one else', async () => {
    // A card made without consent, as before issue 17, is taken (and reads as "Not yet").
    const id = await edsCard('The night nurse sat with me.');
    expect(consent(watcher.doc, id)).toBeUndefined();

    boardTypes(ed.doc).touchpoints.get(id)!.set('consent', 'ready');
    await waitUntil(() => consent(watcher.doc, id) === 'ready', 'the storyteller’s choice arrives', 20_000);
    boardTypes(fay.doc).touchpoints.get(id)!.set('consent', 'board-only');
    await waitUntil(() => consent(watcher.doc, id) === 'board-only', 'the facilitator’s choice for him arrives', 20_000);

    // Someone else who can edit, and anyone writing a choice that is not one: refused, reaching nobody.
    const attempts: Record<string, [TestPerson, (doc: Y.Doc) => void]> = {
      'Gus says Ed’s story is ready': [gus, (doc) => boardTypes(doc).touchpoints.get(id)!.set('consent', 'ready')],
      'Gus takes Ed’s choice away': [gus, (doc) => boardTypes(doc).touchpoints.get(id)!.delete('consent')],
      'Gus makes a card in Ed’s name already ready': [
        gus,
        (doc) => boardTypes(doc).touchpoints.set('touch-made-up-ready', newTouchpoint({ id: 'touch-made-up-ready', stageId, order: 'z0', title: 'Made up', consent: 'ready', createdBy: cast.edit.id, createdAt: 1 })),
      ],
      'Ed writes a choice that is not one': [cast.edit, (doc) => boardTypes(doc).touchpoints.get(id)!.set('consent', 'yes please')],
      'Ed says his story was withdrawn (the server’s to say)': [cast.edit, (doc) => boardTypes(doc).touchpoints.get(id)!.set('withdrawnAt', Date.now())],
    };
    const outcomes: Record<string, unknown> = {};
    await Promise.all(
      Object.entries(attempts).map(async ([what, [person, change]]) => {
        const attacker = await client(person);
        const closed = nextCloseCode(attacker.provider, 20_000).catch(() => 'still open');
        change(attacker.doc);
        outcomes[what] = await closed;
      }),
    );
    expect(outcomes).toEqual(Object.fromEntries(Object.keys(attempts).map((what) => [what, CloseCode.changeRefused])));
    const before = JSON.stringify(documentJson(watcher.doc));
    boardTypes(ed.doc).touchpoints.get(id)!.set('consent', 'not-yet');
    await waitUntil(() => consent(watcher.doc, id) === 'not-yet', 'an honest change after them arrives', 20_000);
    const after = documentJson(watcher.doc) as { touchpoints: Record<string, { consent?: string }> };
    after.touchpoints[id]!.consent = 'board-only';
    expect(JSON.stringify(after)).toBe(before);

    // While the facilitator has paused changes to the map, a storyteller still says what happens to their story.
    expect((await api(app, `/api/boards/${boardId}/session`, { cookie: cast.facilitate.cookie, body: { action: 'pause-editing' } })).status).toBe(200);
    await waitUntil(() => editingPaused(ed.doc) !== null, 'Ed hears of the pause', 20_000);
    boardTypes(ed.doc).touchpoints.get(id)!.set('consent', 'ready');
    await waitUntil(() => consent(watcher.doc, id) === 'ready', 'the storyteller’s choice during the pause arrives', 20_000);
    expect((await api(app, `/api/boards/${boardId}/session`, { cookie: cast.facilitate.cookie, body: { action: 'resume-editing' } })).status).toBe(200);
  });

  it('takes a story back for good when its storyteller asks, with their own feelings and comments if they choose', async () => {
    const phrase = `Bluebell ward ${crypto.randomUUID()}`;
    const other = await edsCard('The porter was kind.');
    const id = await edsCard(`On ${phrase} they forgot my tablets twice.`);
    // Ed's feelings at the start and at the review (a word of his own in one), and on another of his
    // moments; Gus's at the start and the review, all given over HTTP; Ed's comment with his name
    // and one without, a reply to his comment by Gus, and Gus's own comment.
    const edsWord = `bluebell${crypto.randomUUID().slice(0, 8)}`;
    const edsKeys = [
      await giveFeeling(app, boardId, cast.edit, id, { score: -2, words: ['ignored', edsWord] }),
      await giveFeeling(app, boardId, cast.edit, id, { score: 0 }, 'feelingsAfter'),
    ];
    const edsOther = (await giveFeeling(app, boardId, cast.edit, other, { score: 1 }))!;
    const gusKey = (await giveFeeling(app, boardId, gus, id, { score: -1 }))!;
    const gusAfter = (await giveFeeling(app, boardId, gus, id, { score: 1 }, 'feelingsAfter'))!;
    boardTypes(ed.doc).comments.set('comment-eds-named', newComment({ id: 'comment-eds-named', authorId: cast.edit.id, body: `Also on ${phrase}: nobody came.`, touchpointId: id }));
    const g = await client(gus);
    await waitUntil(() => boardTypes(g.doc).comments.has('comment-eds-named'), 'Gus sees Ed’s comment', 20_000);
    const reply = newComment({ id: 'comment-gus-reply', authorId: gus.id, body: 'That happened to my dad too.', touchpointId: id });
    reply.set('parentId', 'comment-eds-named');
    g.doc.transact(() => {
      boardTypes(g.doc).comments.set('comment-gus-reply', reply);
      boardTypes(g.doc).comments.set('comment-gus-own', newComment({ id: 'comment-gus-own', authorId: gus.id, body: 'Night shifts are short-staffed.', touchpointId: id }));
    });
    const posted = await api(app, `/api/boards/${boardId}/comments`, {
      cookie: cast.edit.cookie,
      body: { id: 'comment-eds-nameless', target: { type: 'touchpoint', id }, parentId: null, body: `Without my name: ${phrase} again.`, anonymous: true },
    });
    expect(posted.status).toBe(201);
    // A facilitator hides another of Ed's comments: its words are kept by the server, out of the document.
    boardTypes(ed.doc).comments.set('comment-eds-hidden', newComment({ id: 'comment-eds-hidden', authorId: cast.edit.id, body: `Hidden: ${phrase} once more.`, touchpointId: id }));
    await waitUntil(() => boardTypes(fay.doc).comments.has('comment-eds-hidden'), 'Fay sees the comment to hide', 20_000);
    expect((await api(app, `/api/boards/${boardId}/comments/comment-eds-hidden/hidden`, { method: 'PUT', cookie: cast.facilitate.cookie, body: { reason: 'Names a member of staff.' } })).status).toBe(204);
    await waitUntil(() => ['comment-eds-nameless', 'comment-gus-own', 'comment-gus-reply'].every((c) => boardTypes(watcher.doc).comments.has(c)) && boardTypes(watcher.doc).feelingsAfter.has(gusAfter), 'everything arrives', 20_000);

    // Only the storyteller or a facilitator; nothing else it does not take; nothing changes meanwhile.
    const refusals = [
      [await withdraw(gus, id, { feelings: true, comments: true }), 403, 'forbidden'],
      [await withdraw(cast.comment, id, { feelings: false, comments: false }), 403, 'forbidden'],
      [await withdraw(cast.edit, 'touch-not-on-board', { feelings: false, comments: false }), 404, 'not_found'],
      [await withdraw(cast.edit, id, { feelings: 'yes' }), 400, 'invalid_body'],
      [await withdraw(cast.outsider, id, { feelings: false, comments: false }), 403, 'forbidden'],
    ] as const;
    for (const [response, status, code] of refusals) {
      expect(response.status).toBe(status);
      const body = (await response.json()) as ErrorBody;
      expect(body.error.code).toBe(code);
      expect(body.error.message).toMatch(/\w/);
    }
    expect(story(watcher.doc, id)).toContain(phrase);

    const answer = await withdraw(cast.edit, id, { feelings: true, comments: true });
    expect(answer.status).toBe(200);
    // Two feelings (start and review); his named, nameless and hidden comments and the reply to one.
    expect(await answer.json()).toEqual({ feelings: 2, comments: 4 });
    await waitUntil(() => story(watcher.doc, id) === '', 'the story leaves everyone’s copy', 20_000);
    const { feelings, feelingsAfter, comments, touchpoints } = boardTypes(watcher.doc);
    await waitUntil(() => !comments.has('comment-eds-named'), 'his comments leave', 20_000);
    expect(touchpoints.get(id)!.get('title')!.toString()).toBe(`Ed's moment ${cards}`);
    expect(consent(watcher.doc, id)).toBeUndefined();
    // Every page is told when, so each forgets what its own Undo could bring back.
    expect(touchpoints.get(id)!.get('withdrawnAt')).toEqual(expect.any(Number));
    // His feelings on this moment go; Gus's stay, and so does his own on another moment.
    await waitUntil(() => !feelings.has(edsKeys[0]!) && !feelingsAfter.has(edsKeys[1]!), 'his feelings leave', 20_000);
    expect(feelings.get(gusKey)).toMatchObject({ score: -1 });
    expect(feelingsAfter.get(gusAfter)).toMatchObject({ score: 1 });
    expect(feelings.get(edsOther)).toMatchObject({ score: 1 });
    expect(await myFeelings(app, boardId, cast.edit)).toEqual({ feelings: { [other]: edsOther }, feelingsAfter: {} });
    expect([...comments.keys()].filter((key) => key.startsWith('comment-eds') || key.startsWith('comment-gus')).sort()).toEqual(['comment-gus-own']);
    // Asked after: his comments without a name are no longer his to see.
    const mine = (await (await api(app, `/api/boards/${boardId}/comments/mine`, { cookie: cast.edit.cookie })).json()) as { anonymous: string[] };
    expect(mine.anonymous).toEqual([]);

    // Gone for good: in no state a new client is sent — and on Node in no table and no file byte.
    const fresh = await client(cast.view);
    for (const words of [phrase, edsWord]) {
      expect(Buffer.from(Y.encodeStateAsUpdate(fresh.doc)).includes(words)).toBe(false);
      if (target.name === 'node') {
        const { libsqlUrl } = app as unknown as TestServer;
        expect(await cellsContaining(libsqlUrl, words)).toEqual([]);
        expect(await filesContaining(libsqlUrl, words)).toEqual([]);
      }
    }
  });

  it('lets a facilitator withdraw a story for its storyteller, leaving their feelings when not asked', async () => {
    const id = await edsCard('Told to Fay in an interview.');
    const his = (await giveFeeling(app, boardId, cast.edit, id, { score: 1 }))!;
    await waitUntil(() => boardTypes(watcher.doc).feelings.has(his), 'his feeling arrives', 20_000);
    const answer = await withdraw(cast.facilitate, id, { feelings: false, comments: false });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ feelings: 0, comments: 0 });
    await waitUntil(() => story(watcher.doc, id) === '', 'the story leaves everyone’s copy', 20_000);
    expect(boardTypes(watcher.doc).feelings.get(his)).toMatchObject({ score: 1 });
    expect((await myFeelings(app, boardId, cast.edit)).feelings[id]).toBe(his);
  });

  it('withdraws a story from a card in Recently deleted too', async () => {
    const id = await edsCard('Deleted, but still there to bring back.');
    markDeleted(ed.doc, { id, kind: 'touchpoint', deletedAt: Date.now(), deletedBy: cast.edit.id }, null);
    await waitUntil(() => hiddenIds(watcher.doc).has(id), 'the card is in Recently deleted', 20_000);
    expect((await withdraw(cast.edit, id, { feelings: false, comments: false })).status).toBe(200);
    await waitUntil(() => story(watcher.doc, id) === '', 'the story leaves everyone’s copy', 20_000);
    expect(hiddenIds(watcher.doc).has(id)).toBe(true);
  });
});
