/**
 * The guard's short way for the commonest update by far: characters typed into a title, story or
 * comment body the document already has — one string item, from one client, at the next clock the
 * document expects of it, inserted beside text the document has (or at the start of an empty
 * text), deleting nothing. Such an update is allowed when the sender may write that text and it
 * stays within its limit; that is all board-rules.ts would find, without placing and judging it
 * through the general machinery (about a quarter of the guard's time per keystroke went there).
 *
 * Anything else — or any doubt — answers `undefined` and the general path decides, so this can
 * only ever accept what the general path accepts (test/unit/typed-text.test.ts compares the two).
 */
import * as Y from 'yjs';
import { atLeast } from '../../../shared/access.ts';
import { TopLevel } from '../../../shared/board-document.ts';
import { commentBodyMaxLength, storyMaxLength, touchpointTitleMaxLength } from '../../../shared/limits.ts';
import type { Sender } from './board-rules.ts';
import type { DecodedUpdate } from './update-changes.ts';


/**
 * The one client id a typed-text update writes with, when `update` is typing `sender` may do
 * (the caller still checks whose the client id is); `undefined` when the general path must decide.
 */
export function typedTextClient(doc: Y.Doc, { structs, ds }: DecodedUpdate, sender: Sender): number | undefined {
  if (structs.length !== 1 || ds.clients.size !== 0) return undefined;
  const item = structs[0];
  if (!(item instanceof Y.Item) || !(item.content instanceof Y.ContentString) || item.length === 0 || item.parentSub !== null) return undefined;
  const store = doc.store;
  const client = item.id.client;
  if (item.id.clock !== Y.getState(store, client)) return undefined;
  const text = textBeside(store, item);
  if (text === undefined) return undefined;
  const textItem = text._item;
  const owner = textItem?.parent;
  if (!(owner instanceof Y.Map) || owner.constructor !== Y.Map) return undefined;
  const ownerItem = owner._item;
  if (ownerItem === null || ownerItem.parentSub === null) return undefined;
  const top = ownerItem.parent;
  const field = textItem!.parentSub;
  let limit: number;
  if (top === doc.share.get(TopLevel.touchpoints)) {
    if (!atLeast(sender.access, 'edit')) return undefined;
    if (field === 'story') limit = storyMaxLength;
    else if (field === 'title') limit = touchpointTitleMaxLength;
    else return undefined;
  } else if (top === doc.share.get(TopLevel.comments)) {
    if (field !== 'body' || !atLeast(sender.access, 'comment') || owner.get('authorId') !== sender.userId || owner.get('hidden') != null) return undefined;
    limit = commentBodyMaxLength;
  } else return undefined;
  if (text._length + item.length > limit) return undefined;
  return client;
}

/**
 * The shared text the item goes into, as Yjs would find it (the parent of the item it was
 * inserted beside, else its explicit parent); undefined for anything else, for content the
 * document does not have, and beside garbage-collected content.
 */
function textBeside(store: Y.Doc['store'], item: Y.Item): Y.Text | undefined {
  let parent: unknown;
  if (item.origin !== null || item.rightOrigin !== null) {
    const left = item.origin === null ? null : textItemAt(store, item.origin);
    const right = item.rightOrigin === null ? null : textItemAt(store, item.rightOrigin);
    if (left === undefined || right === undefined) return undefined;
    if (left !== null && right !== null && left.parent !== right.parent) return undefined;
    parent = (left ?? right)!.parent;
  } else if (item.parent instanceof Y.ID) {
    const id = item.parent;
    if (id.clock >= Y.getState(store, id.client)) return undefined;
    const holder = Y.getItem(store, id) as Y.Item | Y.GC;
    if (!(holder instanceof Y.Item) || !(holder.content instanceof Y.ContentType)) return undefined;
    parent = holder.content.type;
  } else return undefined;
  return parent instanceof Y.Text && parent.constructor === Y.Text ? parent : undefined;
}

/** The document's item holding `id` when it is an element of a list or text; undefined otherwise. */
function textItemAt(store: Y.Doc['store'], id: Y.ID): Y.Item | undefined {
  if (id.clock >= Y.getState(store, id.client)) return undefined;
  const struct = Y.getItem(store, id) as Y.Item | Y.GC;
  return struct instanceof Y.Item && struct.parentSub === null ? struct : undefined;
}
