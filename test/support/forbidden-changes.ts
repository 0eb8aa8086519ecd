/**
 * Every change a member of each access may not make to the board of guard-board.ts, as a stock
 * y-websocket client would make it: one Yjs operation on a synced copy of the document, which the
 * provider then sends. Used by test/integration/guard.test.ts, which sends each from a fresh
 * client and expects the server to refuse it (view: to drop it).
 *
 * Three kinds: what nobody may do (any feeling — another person's, and since issue 17 their own
 * too, under their own id or where the server wrote it: feelings are given over HTTP and written
 * by the server under keys that name nobody — dots, another person's comment, a touchpoint or
 * comment in someone else's name, values of the wrong type or size), what only a facilitator may
 * (meta, stages, removing other people's cards for good), and what only an editor and up may (the
 * touchpoints). A view member may not even post a comment of their own.
 */
import * as Y from 'yjs';
import type { Access } from '../../shared/access.ts';
import { boardTypes, newStage, newTouchpoint, participantKey } from '../../shared/board-document.ts';
import { markDeleted } from '../../shared/recently-deleted.ts';
import { deleteStage, deleteTouchpoint } from '../../client/src/board/ordering.ts';
import { newComment, seeded } from './guard-board.ts';

export interface ForbiddenChange {
  /** What it tries, in words, for the test's report. */
  what: string;
  change(doc: Y.Doc): void;
}

export interface Who {
  /** The member trying (their user id). */
  me: string;
  /** Another member whose feeling, dots and comment are on the board (see guard-board.ts). */
  victim: string;
  /** The id of that member's comment. */
  victimComment: string;
  /** Where the server wrote that member's feeling at the reception (guard-board.ts seedFeelings). */
  victimFeeling: string;
  /** Where the server wrote the trying member's own feeling at the reception, if they gave one over HTTP. */
  myFeeling?: string;
  /** Someone who is not on the board. */
  outsider: string;
}

const oneMegabyte = 1024 * 1024;

const reception = (doc: Y.Doc) => boardTypes(doc).touchpoints.get(seeded.reception)!;
const receptionTitle = (doc: Y.Doc) => reception(doc).get('title') as Y.Text;
const commentBody = (doc: Y.Doc, id: string) => boardTypes(doc).comments.get(id)!.get('body') as Y.Text;

/** The forbidden changes for a member with `access`, most of them against `who.victim`'s things. */
export function forbiddenChanges(access: Access, who: Who): ForbiddenChange[] {
  const { me, victim, victimComment, victimFeeling, myFeeling, outsider } = who;
  const at = Date.now();
  const theirs = participantKey(seeded.reception, victim);
  const mine = participantKey(seeded.reception, me);

  const nobody: ForbiddenChange[] = [
    { what: "sets another person's feeling", change: (doc) => boardTypes(doc).feelings.set(victimFeeling, { score: -2, words: ['ignored'], at }) },
    { what: "deletes another person's feeling", change: (doc) => boardTypes(doc).feelings.delete(victimFeeling) },
    { what: "writes another person's feeling under their id", change: (doc) => boardTypes(doc).feelings.set(theirs, { score: -2, words: ['ignored'], at }) },
    {
      what: 'gives a feeling for someone not on the board',
      change: (doc) => boardTypes(doc).feelings.set(participantKey(seeded.reception, outsider), { score: 1, words: ['safe'], at }),
    },
    // Feelings are given over HTTP (PUT /api/boards/:id/feelings/:touchpointId) since issue 17: a
    // key a client chose would say whose the feeling is, so no client writes one, not even its own.
    { what: 'gives its own feeling under its own id', change: (doc) => boardTypes(doc).feelings.set(mine, { score: 1, words: ['reassured'], at }) },
    { what: 'gives its own feeling now (the review) under its own id', change: (doc) => boardTypes(doc).feelingsAfter.set(mine, { score: 2, words: [], at }) },
    {
      what: 'gives its own feeling under a key that names nobody, as the server would',
      change: (doc) => boardTypes(doc).feelings.set(`${seeded.reception}/${'k'.repeat(22)}`, { score: 1, words: [], at }),
    },
    ...(myFeeling === undefined
      ? []
      : [
          { what: 'changes its own feeling where the server wrote it', change: (doc: Y.Doc) => boardTypes(doc).feelings.set(myFeeling, { score: -2, words: ['changed my mind'], at }) },
          { what: 'takes back its own feeling itself (the server clears it)', change: (doc: Y.Doc) => boardTypes(doc).feelings.delete(myFeeling) },
        ]),
    // Dots are given through the server, which alone keeps each person's and writes the totals.
    { what: "puts another person's dots in the document", change: (doc) => boardTypes(doc).votes.set(theirs, 5) },
    { what: 'puts its own dots in the document', change: (doc) => boardTypes(doc).votes.set(mine, 1) },
    { what: 'writes a dot total (only the server does, at a reveal)', change: (doc) => boardTypes(doc).votes.set(seeded.reception, 9) },
    { what: "writes into another person's comment", change: (doc) => commentBody(doc, victimComment).insert(0, 'Not a ') },
    { what: "deletes words of another person's comment", change: (doc) => commentBody(doc, victimComment).delete(0, 4) },
    { what: "removes another person's comment", change: (doc) => boardTypes(doc).comments.delete(victimComment) },
    {
      what: "posts a comment in another person's name",
      change: (doc) =>
        boardTypes(doc).comments.set('comment-forged-author', newComment({ id: 'comment-forged-author', authorId: victim, body: 'I said this', touchpointId: seeded.reception })),
    },
    {
      what: 'posts a comment without a name itself (only the server writes those: nothing may link it to its author)',
      change: (doc) => {
        const comment = newComment({ id: 'comment-no-name', authorId: me, body: 'Nobody knows it was me', touchpointId: seeded.reception });
        comment.set('authorId', null);
        boardTypes(doc).comments.set('comment-no-name', comment);
      },
    },
    { what: "sets a comment's Me too count (the server counts)", change: (doc) => boardTypes(doc).comments.get(victimComment)!.set('meToo', 99) },
    { what: 'hides a comment itself (the server hides, keeping its words)', change: (doc) => boardTypes(doc).comments.get(victimComment)!.set('hidden', { reason: 'Rude', at }) },
    {
      what: "marks a conversation as sorted in another person's name",
      change: (doc) => {
        const comment = boardTypes(doc).comments.get(victimComment)!;
        doc.transact(() => {
          comment.set('resolvedAt', at);
          comment.set('resolvedBy', victim);
        });
      },
    },
    {
      what: "adds a touchpoint in another person's name (forged createdBy)",
      change: (doc) =>
        boardTypes(doc).touchpoints.set(
          'touch-forged-creator',
          newTouchpoint({ id: 'touch-forged-creator', stageId: seeded.waiting, order: 'a1', title: 'Forged', createdBy: victim, createdAt: at }),
        ),
    },
    { what: "changes who added a touchpoint", change: (doc) => reception(doc).set('createdBy', me) },
    { what: "puts a number where a touchpoint's title text belongs", change: (doc) => reception(doc).set('title', 42) },
    { what: 'moves a touchpoint into a stage that does not exist', change: (doc) => reception(doc).set('stageId', 'stage-made-up') },
    {
      what: 'posts its own comment with a number for a body',
      change: (doc) => {
        const comment = newComment({ id: 'comment-number-body', authorId: me, body: '', touchpointId: seeded.reception });
        comment.set('body', 42);
        boardTypes(doc).comments.set('comment-number-body', comment);
      },
    },
    { what: 'puts a string in stages', change: (doc) => (boardTypes(doc).stages as unknown as Y.Array<string>).push(['Leaving']) },
    { what: 'gives its own feeling a score of 7', change: (doc) => boardTypes(doc).feelings.set(mine, { score: 7 as never, words: [], at }) },
    { what: 'sets a 1 MB board title', change: (doc) => boardTypes(doc).meta.set('title', 'x'.repeat(oneMegabyte)) },
    { what: "types 1 MB into a touchpoint's title", change: (doc) => receptionTitle(doc).insert(0, 'x'.repeat(oneMegabyte)) },
    { what: 'writes a top-level type the board does not have', change: (doc) => doc.getMap('elsewhere').set('note', 'hello') },
  ];

  const onlyFacilitators: ForbiddenChange[] = [
    { what: 'changes the phase', change: (doc) => boardTypes(doc).meta.set('phase', 'review') },
    { what: 'renames the board', change: (doc) => boardTypes(doc).meta.set('title', 'Mine now') },
    { what: 'adds a stage', change: (doc) => boardTypes(doc).stages.push([newStage('stage-leaving', 'Leaving')]) },
    { what: 'renames a stage', change: (doc) => boardTypes(doc).stages.get(0).set('title', 'Renamed') },
    { what: 'deletes a stage', change: (doc) => boardTypes(doc).stages.delete(0, 1) },
    { what: 'deletes a stage into Recently deleted', change: (doc) => deleteStage(doc, seeded.arriving, me, null) },
    { what: "removes the facilitator's touchpoint for good", change: (doc) => boardTypes(doc).touchpoints.delete(seeded.reception) },
    // Recently deleted is emptied by the server when a board loads (server/sync/purge-deleted.ts):
    // an entry that names a stage as a touchpoint would remove it for good then. (An entry dated 30
    // days back is taken, and dated again by the server: test/integration/guard-deletion-time.test.ts.)
    {
      what: 'hides a stage by listing it in Recently deleted as a touchpoint',
      change: (doc) => markDeleted(doc, { id: seeded.arriving, kind: 'touchpoint', deletedAt: at, deletedBy: me }, null),
    },
  ];

  const onlyEditors: ForbiddenChange[] = [
    {
      what: 'adds a touchpoint in its own name',
      change: (doc) =>
        boardTypes(doc).touchpoints.set(
          'touch-by-commenter',
          newTouchpoint({ id: 'touch-by-commenter', stageId: seeded.waiting, order: 'a1', title: 'Mine', createdBy: me, createdAt: at }),
        ),
    },
    { what: "types into a touchpoint's title", change: (doc) => receptionTitle(doc).insert(9, ' desk') },
    { what: "types into a touchpoint's story", change: (doc) => (reception(doc).get('story') as Y.Text).insert(0, 'Later: ') },
    { what: 'moves a touchpoint to another stage', change: (doc) => reception(doc).set('stageId', seeded.waiting) },
    { what: 'deletes a touchpoint into Recently deleted', change: (doc) => deleteTouchpoint(doc, seeded.reception, me, null) },
  ];

  const onlyCommenters: ForbiddenChange[] = [
    {
      what: 'posts its own comment',
      change: (doc) => boardTypes(doc).comments.set('comment-by-viewer', newComment({ id: 'comment-by-viewer', authorId: me, body: 'Hello', touchpointId: seeded.reception })),
    },
  ];

  switch (access) {
    case 'facilitate':
      return [
        ...nobody,
        { what: 'sets a phase that does not exist', change: (doc) => boardTypes(doc).meta.set('phase', 'party') },
        { what: 'removes the board title', change: (doc) => boardTypes(doc).meta.delete('title') },
        { what: 'gives a stage a number for a title', change: (doc) => boardTypes(doc).stages.get(0).set('title', 7) },
      ];
    case 'edit':
      return [...nobody, ...onlyFacilitators];
    case 'comment':
      return [...nobody, ...onlyFacilitators, ...onlyEditors];
    case 'view':
      return [...nobody, ...onlyFacilitators, ...onlyEditors, ...onlyCommenters];
  }
}
