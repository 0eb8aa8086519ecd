/**
 * The board document's Yjs schema (schemaVersion 1), shared by the server, the client and any
 * program that speaks to the sync endpoint. See docs/board-document.md.
 */
import * as Y from 'yjs';
import type { Consent } from './consent.ts';

export const schemaVersion = 1;

export const phases = ['prepare', 'gather', 'joint-event', 'co-design', 'review'] as const;
export type Phase = (typeof phases)[number];

/** Names of the document's top-level shared types. */
export const TopLevel = {
  meta: 'meta',
  stages: 'stages',
  touchpoints: 'touchpoints',
  feelings: 'feelings',
  comments: 'comments',
  votes: 'votes',
  /** "Recently deleted": id of a hidden stage or touchpoint → its entry (shared/recently-deleted.ts). */
  deleted: 'deleted',
  /** The live session's tools — the timer, paused editing — written by the server only (shared/session.ts). */
  session: 'session',
  /** The EBCD method after the map (issue 16, shared/method.ts): priority areas, their actions and ideas. */
  priorities: 'priorities',
  actions: 'actions',
  ideas: 'ideas',
  /** How each moment feels at the review, keyed as `feelings` (shared/method.ts). */
  feelingsAfter: 'feelingsAfter',
} as const;

/** The 5-point feeling scale, worst to best. */
export const feelingScores = [-2, -1, 0, 1, 2] as const;
export type FeelingScore = (typeof feelingScores)[number];

export interface Feeling {
  score: FeelingScore;
  words: string[];
  /** Milliseconds since the epoch. */
  at: number;
}

/** Typed accessors for the top-level types of a board document. */
export function boardTypes(doc: Y.Doc) {
  return {
    meta: doc.getMap<unknown>(TopLevel.meta),
    stages: doc.getArray<Y.Map<unknown>>(TopLevel.stages),
    touchpoints: doc.getMap<Y.Map<unknown>>(TopLevel.touchpoints),
    feelings: doc.getMap<Feeling>(TopLevel.feelings),
    comments: doc.getMap<Y.Map<unknown>>(TopLevel.comments),
    votes: doc.getMap<number>(TopLevel.votes),
    deleted: doc.getMap<Y.Map<unknown>>(TopLevel.deleted),
    session: doc.getMap<unknown>(TopLevel.session),
    feelingsAfter: doc.getMap<Feeling>(TopLevel.feelingsAfter),
  };
}

/** Key of one person's feeling or votes at one touchpoint: `touchpointId/participantId`. */
export const participantKey = (touchpointId: string, participantId: string): string =>
  `${touchpointId}/${participantId}`;

/** Fills a new board document's `meta`. Call once, when the board is created. */
export function initBoardDocument(doc: Y.Doc, init: { title: string; purpose?: string }): void {
  const { meta } = boardTypes(doc);
  doc.transact(() => {
    meta.set('schemaVersion', schemaVersion);
    meta.set('title', init.title);
    meta.set('purpose', init.purpose ?? '');
    meta.set('phase', 'prepare' satisfies Phase);
  });
}

/** Makes a stage map ready to push into `stages`. */
export function newStage(id: string, title: string): Y.Map<unknown> {
  const stage = new Y.Map<unknown>();
  stage.set('id', id);
  stage.set('title', title);
  return stage;
}

export interface NewTouchpoint {
  id: string;
  stageId: string;
  order: string;
  title: string;
  story?: string;
  /** How its story may be shared (shared/consent.ts); left unset, it is "Not yet". */
  consent?: Consent;
  createdBy: string;
  createdAt: number;
}

/** Makes a touchpoint map ready to set into `touchpoints` under its id. */
export function newTouchpoint(init: NewTouchpoint): Y.Map<unknown> {
  const touchpoint = new Y.Map<unknown>();
  touchpoint.set('id', init.id);
  touchpoint.set('stageId', init.stageId);
  touchpoint.set('order', init.order);
  touchpoint.set('title', new Y.Text(init.title));
  touchpoint.set('story', new Y.Text(init.story ?? ''));
  touchpoint.set('createdBy', init.createdBy);
  touchpoint.set('createdAt', init.createdAt);
  if (init.consent !== undefined) touchpoint.set('consent', init.consent);
  return touchpoint;
}
