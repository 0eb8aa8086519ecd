/**
 * Reading the board document's `comments` map (docs/board-document.md) into threads, one list per
 * thing commented on. Pure (no Solid, no DOM), so it is tested with real Y.Docs. A thread is a
 * comment with no parent and the replies to it (one level: a reply's `parentId` is the thread's
 * first comment). What the page does not show: comments that are not a readable comment map,
 * comments about a stage or touchpoint in "Recently deleted" (they come back with it), replies
 * whose parent is gone, and replies to replies (the page never writes them).
 */
import * as Y from 'yjs';
import { boardTypes } from './board-document.ts';
import { hiddenIds } from './recently-deleted.ts';

/** What a comment can be about: the board, a stage, a card, and (issue 16) a priority area, an action or an idea. */
export const commentTargetTypes = ['board', 'stage', 'touchpoint', 'priority', 'action', 'idea'] as const;
export type CommentTargetType = (typeof commentTargetTypes)[number];

/** What a comment is about. */
export interface CommentTarget {
  type: CommentTargetType;
  id: string;
}

/** One comment's fields, without its body (the page follows each body's Y.Text on its own). */
export interface CommentInfo {
  id: string;
  target: CommentTarget;
  parentId: string | null;
  /** The author's user id; null for a comment posted without a name (the server writes those). */
  authorId: string | null;
  createdAt: number;
  editedAt: number | null;
  resolvedAt: number | null;
  resolvedBy: string | null;
  /** How many people said "Me too" (the server writes it; absent is 0). */
  meToo: number;
  /** Why a facilitator hid it, while hidden (its words are then gone from the document); else null. */
  hidden: { reason: string; at: number } | null;
}

/** A thread: its first comment (which carries the sorted state) and the replies, oldest first. */
export interface Thread {
  /** The first comment's id. */
  id: string;
  first: CommentInfo;
  replies: CommentInfo[];
}

/** Threads by {@link targetKey}, each list oldest first. */
export type ThreadsByTarget = Record<string, Thread[]>;

/** The key of a target in {@link ThreadsByTarget}: `type:id`. */
export const targetKey = (target: CommentTarget): string => `${target.type}:${target.id}`;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const timeOrNull = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const stringOrNull = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

function readTarget(value: unknown): CommentTarget | null {
  if (typeof value !== 'object' || value === null) return null;
  const { type, id } = value as { type?: unknown; id?: unknown };
  if (!(commentTargetTypes as readonly unknown[]).includes(type) || typeof id !== 'string' || id === '') return null;
  return { type: type as CommentTargetType, id };
}

const readMeToo = (value: unknown): number => (typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : 0);

function readHidden(value: unknown): CommentInfo['hidden'] {
  if (typeof value !== 'object' || value === null) return null;
  const { reason, at } = value as { reason?: unknown; at?: unknown };
  return { reason: text(reason), at: timeOrNull(at) ?? 0 };
}

/** A comment as stored under `key`, or null when it is not one the page can show. */
export function readComment(key: string, value: unknown): CommentInfo | null {
  if (!(value instanceof Y.Map)) return null;
  const target = readTarget(value.get('target'));
  if (target === null) return null;
  return {
    id: key,
    target,
    parentId: stringOrNull(value.get('parentId')),
    authorId: stringOrNull(value.get('authorId')),
    createdAt: timeOrNull(value.get('createdAt')) ?? 0,
    editedAt: timeOrNull(value.get('editedAt')),
    resolvedAt: timeOrNull(value.get('resolvedAt')),
    resolvedBy: stringOrNull(value.get('resolvedBy')),
    meToo: readMeToo(value.get('meToo')),
    hidden: readHidden(value.get('hidden')),
  };
}

const oldestFirst = (a: CommentInfo, b: CommentInfo): number => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Whether comments about `target` are hidden: it, or the stage of a touchpoint, is in Recently deleted. */
function targetHidden(doc: Y.Doc, target: CommentTarget, hidden: ReadonlySet<string>): boolean {
  if (target.type === 'board') return false;
  if (hidden.has(target.id)) return true;
  if (target.type !== 'touchpoint') return false;
  const touchpoint = boardTypes(doc).touchpoints.get(target.id);
  return touchpoint instanceof Y.Map && hidden.has(text(touchpoint.get('stageId')));
}

/** Every thread the page shows, by what it is about. */
export function readThreads(doc: Y.Doc): ThreadsByTarget {
  const hidden = hiddenIds(doc);
  const all = new Map<string, CommentInfo>();
  for (const [key, value] of boardTypes(doc).comments) {
    const comment = readComment(key, value);
    if (comment !== null) all.set(key, comment);
  }
  const threads = new Map<string, Thread>();
  for (const comment of all.values()) {
    if (comment.parentId === null && !targetHidden(doc, comment.target, hidden)) threads.set(comment.id, { id: comment.id, first: comment, replies: [] });
  }
  for (const comment of all.values()) {
    if (comment.parentId !== null) threads.get(comment.parentId)?.replies.push(comment);
  }
  const byTarget: ThreadsByTarget = {};
  for (const thread of [...threads.values()].sort((a, b) => oldestFirst(a.first, b.first))) {
    thread.replies.sort(oldestFirst);
    (byTarget[targetKey(thread.first.target)] ??= []).push(thread);
  }
  return byTarget;
}

/** How many comments the threads hold, replies included. */
export const commentCount = (threads: readonly Thread[]): number =>
  threads.reduce((sum, thread) => sum + 1 + thread.replies.length, 0);
