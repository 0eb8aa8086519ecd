/**
 * Writing a priority area's work into the board document (issue 16; shared/method.ts): actions,
 * ideas and the before-and-after note, each as one transaction with the caller's origin. The
 * server's guard lets facilitators and the area's group members who can edit do these (add in
 * their own name, change any of the area's, remove their own — may-work.ts says who the page
 * offers each to). Words are changed as the smallest edit (text-diff.ts), and only the fields the
 * person changed are written, so someone else's change to another field is kept.
 */
import { generateKeyBetween } from 'fractional-indexing';
import * as Y from 'yjs';
import { methodTypes, newAction, newIdea, type ActionOwner, type ActionStatus } from '../../../../../shared/method.ts';
import { keyBetween } from '../../ordering.ts';
import { plainText } from '../../plain-text.ts';
import { randomId } from '../../random-id.ts';
import { applyTextChange } from '../../text-diff.ts';

/** Replaces the words of `map[field]` with `after` (a new Y.Text where an older document held none). */
function setText(map: Y.Map<unknown>, field: string, after: string): void {
  const current = map.get(field);
  if (current instanceof Y.Text) applyTextChange(current, current.toString(), after);
  else map.set(field, new Y.Text(after));
}

const sameOwner = (a: ActionOwner | null, b: ActionOwner | null): boolean => JSON.stringify(a) === JSON.stringify(b);

export interface NewActionInit {
  priorityId: string;
  what: string;
  owner: ActionOwner | null;
  due: string | null;
  /** The person adding it (the guard refuses it in anyone else's name). */
  createdBy: string;
  /** The order of the area's last action, to add this one after it. */
  after: string | null;
}

/** Adds an action at the end of its area's plan; returns its id. */
export function addAction(doc: Y.Doc, init: NewActionInit, origin: unknown): string {
  const id = randomId();
  const order = keyBetween(init.after, null) ?? generateKeyBetween(null, null);
  const action = newAction({ id, priorityId: init.priorityId, what: plainText(init.what), owner: init.owner, due: init.due, order, createdBy: init.createdBy, createdAt: Date.now() });
  doc.transact(() => methodTypes(doc).actions.set(id, action), origin);
  return id;
}

export interface ActionChanges {
  what: string;
  owner: ActionOwner | null;
  due: string | null;
  status: ActionStatus;
  note: string;
}

/**
 * Writes what the form changed: each field compared with `before` (what the form opened with),
 * so a field this person left alone keeps whatever someone else wrote meanwhile.
 */
export function changeAction(doc: Y.Doc, id: string, before: ActionChanges, after: ActionChanges, origin: unknown): void {
  const action = methodTypes(doc).actions.get(id);
  if (!(action instanceof Y.Map)) return;
  doc.transact(() => {
    if (after.what !== before.what) setText(action, 'what', plainText(after.what));
    if (after.note !== before.note) setText(action, 'note', plainText(after.note));
    if (!sameOwner(after.owner, before.owner)) action.set('owner', after.owner);
    if (after.due !== before.due) action.set('due', after.due);
    if (after.status !== before.status) action.set('status', after.status);
  }, origin);
}

/** Removes an action (its own person's, or a facilitator's doing). */
export function removeAction(doc: Y.Doc, id: string, origin: unknown): void {
  doc.transact(() => methodTypes(doc).actions.delete(id), origin);
}

/** Adds an idea to an area in `createdBy`'s name; returns its id. */
export function addIdea(doc: Y.Doc, init: { priorityId: string; body: string; createdBy: string }, origin: unknown): string {
  const id = randomId();
  const idea = newIdea({ id, priorityId: init.priorityId, body: plainText(init.body), createdBy: init.createdBy, createdAt: Date.now() });
  doc.transact(() => methodTypes(doc).ideas.set(id, idea), origin);
  return id;
}

/** Changes an idea's words. */
export function changeIdea(doc: Y.Doc, id: string, body: string, origin: unknown): void {
  const idea = methodTypes(doc).ideas.get(id);
  if (!(idea instanceof Y.Map)) return;
  doc.transact(() => setText(idea, 'body', plainText(body)), origin);
}

export function removeIdea(doc: Y.Doc, id: string, origin: unknown): void {
  doc.transact(() => methodTypes(doc).ideas.delete(id), origin);
}

/** Changes an area's before-and-after note (the review). */
export function changeBeforeAfter(doc: Y.Doc, priorityId: string, words: string, origin: unknown): void {
  const priority = methodTypes(doc).priorities.get(priorityId);
  if (!(priority instanceof Y.Map)) return;
  doc.transact(() => setText(priority, 'beforeAfter', plainText(words)), origin);
}
