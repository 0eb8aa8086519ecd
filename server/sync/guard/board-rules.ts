/**
 * Who may change what in a board document, and what each place may hold: the guard's judgement of
 * the changes update-changes.ts found (docs/sync-protocol.md, "The guard").
 *
 * - `comment`: comments they author (write, edit and delete their own; reopen any; resolve their
 *   own), nothing else. Feelings and dots are given through the server (feeling-actions.ts,
 *   vote-actions.ts), which alone writes `feelings` and `feelingsAfter` (under keys that name
 *   nobody), `votes` (the totals, at a reveal) and `session`.
 * - `edit`: that, plus touchpoints (add with `createdBy` = themselves; change title, story, order
 *   and stage; delete into "Recently deleted"; take back a card they added that nobody else has
 *   given a feeling, dots or a comment on) and restoring anything from "Recently deleted".
 * - The EBCD method's records (shared/method.ts): priority areas are the facilitator's; an area's
 *   actions and ideas, and its before-and-after note, are also its co-design group's members' who
 *   can edit (`group` holds their ids).
 * - `facilitate`: everything, including `meta` and `stages`; emptying "Recently deleted" removes
 *   other people's feelings, dots and comments with what they were about, and only then.
 * - Nobody writes another person's feeling, dots or comment body, and nobody writes a value the
 *   schema does not allow (the facilitator included), so every client can read what others see.
 */
import * as Y from 'yjs';
import { atLeast, canFacilitate, type Access } from '../../../shared/access.ts';
import { TopLevel } from '../../../shared/board-document.ts';
import { othersHaveSaid } from '../../../shared/others-have-said.ts';
import {
  actionWhatMaxLength,
  beforeAfterMaxLength,
  commentBodyMaxLength,
  methodNoteMaxLength,
  priorityTitleMaxLength,
  storyMaxLength,
  touchpointTitleMaxLength,
} from '../../../shared/limits.ts';
import { actionStatuses, prioritySteps } from '../../../shared/method.ts';
import { consentValues } from '../../../shared/consent.ts';
import {
  actionOwner,
  commentTarget,
  day,
  feeling,
  funnel,
  idList,
  oneOf,
  id,
  isId,
  metaValues,
  orNull,
  order,
  participantKeyParts,
  requiredMeta,
  stageValues,
  time,
  type ValueCheck,
} from './document-values.ts';
import type { Container, Insert, Place, Removal, UpdateChanges } from './update-changes.ts';

export interface Sender {
  userId: string;
  access: Access;
}

/** A refused change: which place and why, for the log (never shown to other people). */
export class RefusedChange extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'RefusedChange';
  }
}

const refuse = (reason: string): never => {
  throw new RefusedChange(reason);
};

/** Where in the board document a place is, by what the schema calls it. */
type Slot =
  | { kind: 'meta'; key: string }
  | { kind: 'stage' }
  | { kind: 'stage-field'; stage: Container; key: string }
  | { kind: 'touchpoint'; id: string }
  | { kind: 'touchpoint-field'; touchpoint: Container; key: string }
  | { kind: 'text'; owner: Container; field: string; text: Container }
  | { kind: 'feeling'; key: string }
  | { kind: 'vote'; touchpointId: string }
  | { kind: 'comment'; id: string }
  | { kind: 'comment-field'; comment: Container; key: string }
  | { kind: 'deleted-entry'; id: string }
  | { kind: 'deleted-field'; entry: Container; key: string }
  | { kind: 'record'; top: RecordTop; id: string }
  | { kind: 'record-field'; top: RecordTop; record: Container; key: string };

/** The EBCD method's records (shared/method.ts): maps of maps, each with its own fields and writers. */
type RecordTop = typeof TopLevel.priorities | typeof TopLevel.actions | typeof TopLevel.ideas;
const recordTops: ReadonlySet<string> = new Set([TopLevel.priorities, TopLevel.actions, TopLevel.ideas]);
const isRecordTop = (top: string): top is RecordTop => recordTops.has(top);

const mapTops: ReadonlySet<string> = new Set([
  TopLevel.meta,
  TopLevel.touchpoints,
  TopLevel.feelings,
  TopLevel.feelingsAfter,
  TopLevel.votes,
  TopLevel.comments,
  TopLevel.deleted,
  ...recordTops,
]);

/** The top-level types of a board document; an update naming any other is refused. */
export const boardTops: ReadonlySet<string> = new Set(Object.values(TopLevel));

const isMapType = (container: Container): boolean =>
  container.item.content instanceof Y.ContentType && container.item.content.type.constructor === Y.Map;
const isTextType = (container: Container): boolean =>
  container.item.content instanceof Y.ContentType && container.item.content.type.constructor === Y.Text;

function slotOf(place: Place): Slot {
  const { top, container, key } = place;
  if (container === null) {
    if (top === TopLevel.session) return refuse('the live session is written by the server only');
    if (top === TopLevel.stages) return key === null ? { kind: 'stage' } : refuse('a key in the stages list');
    if (!mapTops.has(top) || key === null) return refuse(`a list element in ${top}`);
    switch (top) {
      case TopLevel.meta:
        return { kind: 'meta', key };
      case TopLevel.touchpoints:
        return { kind: 'touchpoint', id: key };
      case TopLevel.feelings:
      case TopLevel.feelingsAfter:
        return { kind: 'feeling', key };
      case TopLevel.votes:
        // A total's key is the touchpoint's id; a board from before issue 15 had `touchpointId/userId`.
        return { kind: 'vote', touchpointId: key.includes('/') ? key.slice(0, key.indexOf('/')) : key };
      case TopLevel.comments:
        return { kind: 'comment', id: key };
      case TopLevel.deleted:
        return { kind: 'deleted-entry', id: key };
      default:
        return isRecordTop(top) ? { kind: 'record', top, id: key } : refuse(`a key in ${top}`);
    }
  }
  if (container.place.container === null) {
    if (key === null || !isMapType(container)) return refuse(`content inside a ${top} value that is not a map`);
    switch (top) {
      case TopLevel.stages:
        return { kind: 'stage-field', stage: container, key };
      case TopLevel.touchpoints:
        return { kind: 'touchpoint-field', touchpoint: container, key };
      case TopLevel.comments:
        return { kind: 'comment-field', comment: container, key };
      case TopLevel.deleted:
        return { kind: 'deleted-field', entry: container, key };
      default:
        return isRecordTop(top) ? { kind: 'record-field', top, record: container, key } : refuse(`content nested inside ${top}`);
    }
  }
  const owner = container.place.container;
  const field = container.place.key ?? '';
  const textField = textLimits[`${top}.${field}`] !== undefined;
  if (owner.place.container !== null || !textField || key !== null || !isTextType(container)) return refuse(`content nested too deep in ${top}`);
  return { kind: 'text', owner, field, text: container };
}

/** The one value a plain item holds, or a refusal for anything else (binary, embeds, several values). */
function plainValue(item: Y.Item): unknown {
  const content = item.content;
  if (content instanceof Y.ContentAny && content.arr.length === 1) return content.arr[0];
  return refuse('a value that is not one plain value');
}

/** The type a nested-type item makes (Y.Map, Y.Text, ...), or null for any other content. */
const madeType = (item: Y.Item): unknown => (item.content instanceof Y.ContentType ? item.content.type.constructor : null);

const touchpointFields: Readonly<Record<string, ValueCheck | 'text'>> = {
  id,
  stageId: id,
  order,
  title: 'text',
  story: 'text',
  createdBy: id,
  createdAt: time,
  /** Storyteller consent (shared/consent.ts): optional, written by the storyteller or a facilitator. */
  consent: oneOf(consentValues, 'a consent choice'),
  /** When its story was last withdrawn: written by the server only (story-withdrawal.ts). */
  withdrawnAt: time,
};
/** Every touchpoint is made with these; `consent` may come later (a card without it is "Not yet"). */
const touchpointRequired = ['id', 'stageId', 'order', 'title', 'story', 'createdBy', 'createdAt'];
/** Set when the touchpoint is made, never after. */
const touchpointBirthFields: ReadonlySet<string> = new Set(['id', 'createdBy', 'createdAt']);

const commentFields: Readonly<Record<string, ValueCheck | 'text'>> = {
  id,
  target: commentTarget,
  parentId: orNull(id),
  authorId: id,
  body: 'text',
  createdAt: time,
  editedAt: orNull(time),
  resolvedAt: orNull(time),
  resolvedBy: orNull(id),
};
const commentBirthFields: ReadonlySet<string> = new Set(['id', 'target', 'parentId', 'authorId', 'createdAt']);
/**
 * Written by the server only (comment-actions.ts): the "Me too" count (who said it is the
 * server's to know) and a facilitator's hiding (the words leave the document with it).
 */
const commentServerFields: ReadonlySet<string> = new Set(['meToo', 'hidden']);
const commentRequired = ['id', 'target', 'parentId', 'authorId', 'body', 'createdAt'];

const deletedFields: Readonly<Record<string, ValueCheck>> = {
  id,
  kind: (value) => (value === 'stage' || value === 'touchpoint' ? null : 'unknown kind'),
  deletedAt: time,
  deletedBy: id,
};

/** Each shared text, `top.field`, and its longest length. */
const textLimits: Readonly<Record<string, number>> = {
  [`${TopLevel.touchpoints}.title`]: touchpointTitleMaxLength,
  [`${TopLevel.touchpoints}.story`]: storyMaxLength,
  [`${TopLevel.comments}.body`]: commentBodyMaxLength,
  [`${TopLevel.priorities}.title`]: priorityTitleMaxLength,
  [`${TopLevel.priorities}.why`]: methodNoteMaxLength,
  [`${TopLevel.priorities}.beforeAfter`]: beforeAfterMaxLength,
  [`${TopLevel.actions}.what`]: actionWhatMaxLength,
  [`${TopLevel.actions}.note`]: methodNoteMaxLength,
  [`${TopLevel.ideas}.body`]: methodNoteMaxLength,
};

/** Each record's fields (docs/board-document.md, "The method after the map"); all are set when it is made. */
const recordFields: Readonly<Record<RecordTop, Readonly<Record<string, ValueCheck | 'text'>>>> = {
  [TopLevel.priorities]: {
    id,
    title: 'text',
    why: 'text',
    touchpointIds: idList,
    step: oneOf(prioritySteps, 'a funnel step'),
    funnel,
    group: idList,
    order,
    beforeAfter: 'text',
    createdBy: id,
    createdAt: time,
  },
  [TopLevel.actions]: {
    id,
    priorityId: id,
    what: 'text',
    owner: orNull(actionOwner),
    due: orNull(day),
    status: oneOf(actionStatuses, 'an action status'),
    note: 'text',
    order,
    createdBy: id,
    createdAt: time,
  },
  [TopLevel.ideas]: { id, priorityId: id, body: 'text', createdBy: id, createdAt: time },
};
/** Set when a record is made, never after. */
const recordBirthFields: ReadonlySet<string> = new Set(['id', 'priorityId', 'createdBy', 'createdAt']);
const recordNames: Readonly<Record<RecordTop, string>> = { [TopLevel.priorities]: 'priority area', [TopLevel.actions]: 'action', [TopLevel.ideas]: 'idea' };

/**
 * Throws {@link RefusedChange} unless every change fits the schema and `sender` may make it.
 * `doc` is the document before the update.
 */
export function judgeChanges(doc: Y.Doc, changes: UpdateChanges, sender: Sender): { deletions: string[] } {
  const { inserts, removals } = changes;
  const me = sender.userId;
  const may = (least: Access, what: string) => {
    if (!atLeast(sender.access, least)) refuse(`${sender.access} may not ${what}`);
  };

  // ---- What this update makes and removes, to judge each change in the light of the others.
  const slots = new Map<Insert | Removal, Slot>();
  const fieldInserts = new Map<Y.Item, Map<string, Insert[]>>();
  for (const insert of inserts) {
    const slot = slotOf(insert.place);
    slots.set(insert, slot);
    const container = insert.place.container;
    if (container !== null && insert.place.key !== null) {
      let fields = fieldInserts.get(container.item);
      if (fields === undefined) fieldInserts.set(container.item, (fields = new Map()));
      const atKey = fields.get(insert.place.key);
      if (atKey === undefined) fields.set(insert.place.key, [insert]);
      else atKey.push(insert);
    }
  }
  const removedItems = new Set<Y.Item>();
  const removedTouchpoints = new Set<string>();
  const removedStages = new Set<string>();
  const removedComments = new Set<string>();
  const removedRecords = new Set<string>();
  if (removals.length > 0) for (const removal of removals) {
    const slot = slotOf(removal.place);
    slots.set(removal, slot);
    removedItems.add(removal.item);
    if (slot.kind === 'touchpoint') removedTouchpoints.add(slot.id);
    if (slot.kind === 'comment') removedComments.add(slot.id);
    if (slot.kind === 'record') removedRecords.add(`${slot.top}/${slot.id}`);
    if (slot.kind === 'stage' && removal.item.content instanceof Y.ContentType) {
      const stageId = (removal.item.content.type as Y.Map<unknown>).get('id');
      if (typeof stageId === 'string') removedStages.add(stageId);
    }
  }

  /** The live values this update sets at `key` of a container it makes. */
  const newValues = (container: Container, key: string): Insert[] =>
    (fieldInserts.get(container.item)?.get(key) ?? []).filter((insert) => insert.liveLength > 0);
  /** The value of `key` in a container: what this update sets if it makes it, else what the document has. */
  const fieldValue = (container: Container, key: string): unknown => {
    if (!container.isNew) return (container.type as Y.Map<unknown>).get(key);
    const values = newValues(container, key);
    return values.length === 1 ? plainValue(values[0]!.item) : undefined;
  };
  // Keys this update sets a value at that shows, per container (null: a top-level map); made when first asked.
  let liveKeys: Map<Y.Item | null, Set<string>> | null = null;
  const setsAgain = (container: Container | null, key: string): boolean => {
    if (liveKeys === null) {
      liveKeys = new Map();
      for (const insert of inserts) {
        if (insert.liveLength === 0 || insert.place.key === null) continue;
        const holder = insert.place.container?.item ?? null;
        let keys = liveKeys.get(holder);
        if (keys === undefined) liveKeys.set(holder, (keys = new Set()));
        keys.add(insert.place.key);
      }
    }
    return liveKeys.get(container?.item ?? null)?.has(key) ?? false;
  };
  const goes = (container: Container): boolean => removedItems.has(container.item);

  const touchpointGone = (touchpointId: string) =>
    removedTouchpoints.has(touchpointId) || !(doc.getMap<unknown>(TopLevel.touchpoints).get(touchpointId) instanceof Y.Map);
  const stageGone = (stageId: string) => removedStages.has(stageId) || !stageExists(stageId);
  /** Stage ids in the document's list or added by this update. */
  let stageIds: Set<string> | null = null;
  const stageExists = (stageId: string): boolean => {
    if (stageIds === null) {
      stageIds = new Set();
      for (const stage of doc.getArray<unknown>(TopLevel.stages)) if (stage instanceof Y.Map && typeof stage.get('id') === 'string') stageIds.add(stage.get('id') as string);
      for (const insert of inserts) {
        if (insert.liveLength > 0 && slots.get(insert)!.kind === 'stage' && madeType(insert.item) === Y.Map) {
          const added = newValues(containerMade(insert.item, insert.place), 'id');
          if (added.length === 1) stageIds.add(String(plainValue(added[0]!.item)));
        }
      }
    }
    return stageIds.has(stageId);
  };
  const commentGone = (commentId: string) =>
    removedComments.has(commentId) || !(doc.getMap<unknown>(TopLevel.comments).get(commentId) instanceof Y.Map);
  const recordGone = (top: RecordTop, recordId: string) =>
    removedRecords.has(`${top}/${recordId}`) || !(doc.getMap<unknown>(top).get(recordId) instanceof Y.Map);
  const targetTops: Readonly<Record<string, RecordTop>> = { priority: TopLevel.priorities, action: TopLevel.actions, idea: TopLevel.ideas };
  /** Whether a comment (the document's) is about something this update removes, or that is gone. */
  const aboutSomethingGone = (comment: Y.Map<unknown>): boolean => {
    const target = comment.get('target') as { type?: unknown; id?: unknown } | undefined;
    const parentId = comment.get('parentId');
    if (typeof parentId === 'string' && commentGone(parentId)) return true;
    if (typeof target?.id !== 'string') return false;
    if (target.type === 'touchpoint') return touchpointGone(target.id);
    if (target.type === 'stage') return stageGone(target.id);
    const top = typeof target.type === 'string' ? targetTops[target.type] : undefined;
    return top !== undefined && recordGone(top, target.id);
  };
  /** Whether a priority area is there after this update: in the document and kept, or made by it. */
  const priorityThere = (priorityId: string): boolean =>
    !recordGone(TopLevel.priorities, priorityId) ||
    inserts.some((insert) => {
      const slot = slots.get(insert)!;
      return insert.liveLength > 0 && slot.kind === 'record' && slot.top === TopLevel.priorities && slot.id === priorityId;
    });
  /** A priority area's co-design group, as the document has it. */
  const groupOf = (priorityId: string): unknown => {
    const priority = doc.getMap<unknown>(TopLevel.priorities).get(priorityId);
    return priority instanceof Y.Map ? priority.get('group') : undefined;
  };
  /** Facilitators, and the members of a priority area's group who can edit, work on the area. */
  const mayWorkOn = (priorityId: unknown, what: string): void => {
    if (canFacilitate(sender.access)) return;
    may('edit', `work on ${what}s`);
    const group = typeof priorityId === 'string' ? groupOf(priorityId) : undefined;
    if (!Array.isArray(group) || !group.includes(me)) refuse(`works on a priority area whose group they are not in (${what})`);
  };
  /**
   * Changing a touchpoint's fields is for people who can edit — except `consent`: stories are
   * given, not taken, so how one may be shared is its storyteller's to say (with comment access
   * too, and during a pause), or a facilitator's on their behalf.
   */
  const mayChangeTouchpoint = (touchpoint: Container, key: string): void => {
    if (key === 'withdrawnAt') refuse("writes when a story was withdrawn, which only the server writes");
    if (key !== 'consent') return may('edit', 'change touchpoints');
    if (fieldValue(touchpoint, 'createdBy') !== me) may('facilitate', "say how someone else's story may be shared");
  };
  /** Who may write `key` of a record: the facilitator, and (its `beforeAfter`, its actions and ideas) the area's group. */
  const mayWriteRecord = (top: RecordTop, record: Container, key: string): void => {
    if (top === TopLevel.priorities) {
      if (key === 'beforeAfter') mayWorkOn(record.place.key, 'the review');
      else may('facilitate', 'organise priority areas');
      return;
    }
    mayWorkOn(fieldValue(record, 'priorityId'), recordNames[top]);
  };

  /**
   * A new map under its id in a top-level map (a touchpoint, a comment, a deleted entry): the key
   * an id, each of `fields` set once, `id` equal to the key, `ownerField` the sender's own id.
   * Null when it was sent already deleted (it shows nothing, and its key was checked).
   */
  const newEntry = (insert: Insert, key: string, what: string, fields: readonly string[], ownerField: string): Container | null => {
    if (!isId(key)) refuse(`a ${what} key that is not an id`);
    if (insert.liveLength === 0) return null;
    if (madeType(insert.item) !== Y.Map) refuse(`a ${what} that is not a map`);
    const entry = containerMade(insert.item, insert.place);
    for (const field of fields) if (newValues(entry, field).length !== 1) refuse(`a new ${what} without one ${field}`);
    if (fieldValue(entry, 'id') !== key) refuse(`a ${what} whose id is not its key`);
    if (fieldValue(entry, ownerField) !== me) refuse(`a ${what} in the name of someone else`);
    return entry;
  };

  // ---- New values.
  for (const insert of inserts) {
    const slot = slots.get(insert)!;
    const { item } = insert;
    const live = insert.liveLength > 0;
    switch (slot.kind) {
      case 'meta': {
        may('facilitate', 'change the board title, purpose or phase');
        const check = metaValues[slot.key] ?? refuse(`unknown meta key ${slot.key}`);
        if (live) reason(`meta.${slot.key}`, check(plainValue(item)));
        break;
      }
      case 'stage': {
        may('facilitate', 'add or move stages');
        if (!live) break;
        if (madeType(item) !== Y.Map) refuse('a stage that is not a map');
        const stage = containerMade(item, insert.place);
        for (const key of ['id', 'title']) if (newValues(stage, key).length !== 1) refuse(`a new stage without one ${key}`);
        break;
      }
      case 'stage-field': {
        may('facilitate', 'rename stages');
        const check = stageValues[slot.key] ?? refuse(`unknown stage field ${slot.key}`);
        if (slot.key === 'id' && !slot.stage.isNew) refuse("changes a stage's id");
        if (live) reason(`stage ${slot.key}`, check(plainValue(item)));
        break;
      }
      case 'touchpoint': {
        may('edit', 'add touchpoints');
        newEntry(insert, slot.id, 'touchpoint', touchpointRequired, 'createdBy');
        break;
      }
      case 'touchpoint-field': {
        mayChangeTouchpoint(slot.touchpoint, slot.key);
        const check = touchpointFields[slot.key] ?? refuse(`unknown touchpoint field ${slot.key}`);
        if (touchpointBirthFields.has(slot.key) && !slot.touchpoint.isNew) refuse(`changes a touchpoint's ${slot.key}`);
        if (!live) break;
        if (check === 'text') {
          if (madeType(item) !== Y.Text) refuse(`a touchpoint ${slot.key} that is not shared text`);
        } else reason(`touchpoint ${slot.key}`, check(plainValue(item)));
        // A card moves only into a stage that is there (a made-up stage would hide it from everyone).
        if (slot.key === 'stageId' && !slot.touchpoint.isNew && !stageExists(plainValue(item) as string)) refuse('moves a touchpoint into no stage');
        break;
      }
      case 'text': {
        mayWriteText(slot);
        if (live && !(item.content instanceof Y.ContentString)) refuse(`formatting or embedded content in ${slot.field}`);
        break;
      }
      case 'feeling':
        // Feelings are given through the server, which writes them under keys that name nobody
        // (feeling-actions.ts): a client's own key would say whose the feeling is.
        refuse('writes a feeling, which only the server writes (PUT /api/boards/:id/feelings/:touchpointId)');
      case 'vote':
        // Each person's dots are the server's to keep; the totals it writes at a reveal.
        refuse('writes dots, which only the server writes');
        break;
      case 'comment': {
        may('comment', 'comment');
        newEntry(insert, slot.id, 'comment', commentRequired, 'authorId');
        break;
      }
      case 'comment-field': {
        may('comment', 'comment');
        if (commentServerFields.has(slot.key)) refuse(`writes a comment's ${slot.key}, which only the server writes`);
        const check = commentFields[slot.key] ?? refuse(`unknown comment field ${slot.key}`);
        if (!slot.comment.isNew) {
          if (commentBirthFields.has(slot.key)) refuse(`changes a comment's ${slot.key}`);
          mayChangeCommentField(slot.comment, slot.key, live ? plainOrType(item) : null);
        }
        if (!live) break;
        if (check === 'text') {
          if (madeType(item) !== Y.Text) refuse('a comment body that is not shared text');
        } else reason(`comment ${slot.key}`, check(plainValue(item)));
        break;
      }
      case 'deleted-entry': {
        may('edit', 'delete');
        const entry = newEntry(insert, slot.id, 'deleted entry', Object.keys(deletedFields), 'deletedBy');
        // Whatever kind an entry says, it hides the stage or touchpoint with its id.
        if (entry !== null && (fieldValue(entry, 'kind') === 'stage' || stageExists(slot.id))) may('facilitate', 'delete stages');
        break;
      }
      case 'deleted-field': {
        may('edit', 'delete');
        if (!slot.entry.isNew) refuse('changes a deleted entry');
        const check = deletedFields[slot.key] ?? refuse(`unknown deleted entry field ${slot.key}`);
        if (live) reason(`deleted entry ${slot.key}`, check(plainValue(item)));
        break;
      }
      case 'record': {
        const name = recordNames[slot.top];
        if (slot.top === TopLevel.priorities) may('facilitate', 'make priority areas');
        else may('edit', `add ${name}s`);
        const entry = newEntry(insert, slot.id, name, Object.keys(recordFields[slot.top]), 'createdBy');
        if (entry !== null && slot.top !== TopLevel.priorities) {
          const priorityId = fieldValue(entry, 'priorityId');
          if (typeof priorityId !== 'string' || !priorityThere(priorityId)) refuse(`an ${name} for a priority area that is not there`);
          mayWorkOn(priorityId, name);
        }
        break;
      }
      case 'record-field': {
        const name = recordNames[slot.top];
        const check = recordFields[slot.top][slot.key] ?? refuse(`unknown ${name} field ${slot.key}`);
        if (recordBirthFields.has(slot.key) && !slot.record.isNew) refuse(`changes a ${name}'s ${slot.key}`);
        mayWriteRecord(slot.top, slot.record, slot.key);
        if (!live) break;
        if (check === 'text') {
          if (madeType(item) !== Y.Text) refuse(`a ${name} ${slot.key} that is not shared text`);
        } else reason(`${name} ${slot.key}`, check(plainValue(item)));
        break;
      }
    }
  }

  // ---- Removed values (deleted, or replaced by a new value at their key).
  for (const removal of removals) {
    const slot = slots.get(removal)!;
    switch (slot.kind) {
      case 'meta':
        may('facilitate', 'change the board');
        if (!removal.replaced && requiredMeta.has(slot.key) && !setsAgain(null, slot.key)) refuse(`removes meta.${slot.key}`);
        break;
      case 'stage':
        may('facilitate', 'remove stages');
        break;
      case 'stage-field':
        if (goes(slot.stage)) break;
        may('facilitate', 'rename stages');
        if (!removal.replaced && !setsAgain(slot.stage, slot.key)) refuse(`removes a stage's ${slot.key}`);
        break;
      case 'touchpoint': {
        if (canFacilitate(sender.access)) break;
        may('edit', 'remove touchpoints');
        const touchpoint = removal.item.content instanceof Y.ContentType ? (removal.item.content.type as Y.Map<unknown>) : null;
        if (touchpoint?.get('createdBy') !== me) refuse("removes someone else's touchpoint for good");
        if (othersHaveSaid(doc, slot.id, me)) refuse('removes for good a touchpoint others have given feelings, dots or comments on');
        break;
      }
      case 'touchpoint-field':
        if (goes(slot.touchpoint)) break;
        mayChangeTouchpoint(slot.touchpoint, slot.key);
        if (touchpointBirthFields.has(slot.key)) refuse(`changes a touchpoint's ${slot.key}`);
        if (!removal.replaced && !setsAgain(slot.touchpoint, slot.key)) refuse(`removes a touchpoint's ${slot.key}`);
        break;
      case 'text':
        if (goes(slot.text) || goes(slot.owner)) break;
        mayWriteText(slot);
        break;
      case 'feeling': {
        // Whose it is nobody's client knows: a feeling goes only with the touchpoint it is about,
        // when a facilitator removes that for good (the server clears a person's own).
        const parts = participantKeyParts(slot.key);
        if (!canFacilitate(sender.access) || (parts !== null && !touchpointGone(parts.touchpointId))) refuse('removes a feeling, which only the server does');
        break;
      }
      case 'vote':
        // A total goes only with its touchpoint, when a facilitator removes that for good.
        if (!canFacilitate(sender.access) || !touchpointGone(slot.touchpointId)) refuse('removes dots, which only the server writes');
        break;
      case 'comment': {
        const comment = removal.item.content instanceof Y.ContentType ? (removal.item.content.type as Y.Map<unknown>) : null;
        if (comment === null) break;
        if (comment.get('authorId') === me) {
          may('comment', 'remove comments');
          break;
        }
        if (!canFacilitate(sender.access) || !aboutSomethingGone(comment)) refuse("removes someone else's comment");
        break;
      }
      case 'comment-field': {
        if (goes(slot.comment)) break;
        may('comment', 'comment');
        if (commentServerFields.has(slot.key)) refuse(`removes a comment's ${slot.key}, which only the server writes`);
        if (commentBirthFields.has(slot.key) || slot.key === 'body') {
          if (!removal.replaced && !setsAgain(slot.comment, slot.key)) refuse(`removes a comment's ${slot.key}`);
        }
        if (!removal.replaced) mayChangeCommentField(slot.comment, slot.key, null);
        break;
      }
      case 'deleted-entry':
        may('edit', 'restore from Recently deleted');
        break;
      case 'deleted-field':
        if (goes(slot.entry)) break;
        refuse('changes a deleted entry');
        break;
      case 'record': {
        if (canFacilitate(sender.access)) break;
        const name = recordNames[slot.top];
        if (slot.top === TopLevel.priorities) refuse('removes a priority area');
        const record = removal.item.content instanceof Y.ContentType ? (removal.item.content.type as Y.Map<unknown>) : null;
        if (record === null) break;
        if (record.get('createdBy') !== me) refuse(`removes someone else's ${name}`);
        mayWorkOn(record.get('priorityId'), name);
        break;
      }
      case 'record-field': {
        if (goes(slot.record)) break;
        const name = recordNames[slot.top];
        if (recordBirthFields.has(slot.key)) refuse(`changes a ${name}'s ${slot.key}`);
        mayWriteRecord(slot.top, slot.record, slot.key);
        if (!removal.replaced && !setsAgain(slot.record, slot.key)) refuse(`removes a ${name}'s ${slot.key}`);
        break;
      }
    }
  }

  // ---- Texts stay within their limits.
  const lengths = new Map<Y.Item, { text: Container; field: string; length: number }>();
  const lengthOf = (slot: Extract<Slot, { kind: 'text' }>) => {
    let entry = lengths.get(slot.text.item);
    if (entry === undefined) {
      lengths.set(slot.text.item, (entry = { text: slot.text, field: slot.field, length: slot.text.type?._length ?? 0 }));
    }
    return entry;
  };
  for (const insert of inserts) {
    const slot = slots.get(insert)!;
    if (slot.kind === 'text') lengthOf(slot).length += insert.liveLength;
  }
  for (const removal of removals) {
    const slot = slots.get(removal)!;
    if (slot.kind === 'text' && !removal.item.deleted && removal.item.content instanceof Y.ContentString) lengthOf(slot).length -= removal.length;
  }
  for (const { text, field, length } of lengths.values()) {
    const max = textLimits[`${text.place.top}.${field}`]!;
    if (length > max) refuse(`a ${field} longer than ${max}`);
  }

  const deletions: string[] = [];
  for (const insert of inserts) {
    const slot = slots.get(insert)!;
    if (slot.kind === 'deleted-entry' && insert.liveLength > 0) deletions.push(slot.id);
  }
  return { deletions };

  function mayWriteText(slot: Extract<Slot, { kind: 'text' }>): void {
    const top = slot.owner.place.top;
    if (isRecordTop(top)) {
      mayWriteRecord(top, slot.owner, slot.field);
      return;
    }
    if (top === TopLevel.touchpoints) {
      may('edit', 'change touchpoint titles and stories');
      return;
    }
    may('comment', 'comment');
    if (fieldValue(slot.owner, 'authorId') !== me) refuse("changes someone else's comment");
    if (isHidden(slot.owner)) refuse('changes a hidden comment');
  }

  /** Whether a facilitator has hidden the comment (its words are then the server's to give back). */
  function isHidden(comment: Container): boolean {
    return !comment.isNew && (comment.type as Y.Map<unknown>).get('hidden') != null;
  }

  /** Editing (body, editedAt) is the author's; resolving their own thread's author's or a facilitator's; reopening anyone's. */
  function mayChangeCommentField(comment: Container, key: string, value: unknown): void {
    const isAuthor = fieldValue(comment, 'authorId') === me;
    if (key === 'body' || key === 'editedAt') {
      if (!isAuthor) refuse("changes someone else's comment");
      if (isHidden(comment)) refuse('changes a hidden comment');
    } else if (key === 'resolvedAt' || key === 'resolvedBy') {
      if (value === null) return; // reopening
      if (!isAuthor && !canFacilitate(sender.access)) refuse('resolves a thread that is not theirs');
      if (key === 'resolvedBy' && value !== me) refuse('resolves in the name of someone else');
    }
  }
}

function reason(where: string, problem: string | null): void {
  if (problem !== null) refuse(`${where}: ${problem}`);
}

/** The container an insert of a nested type makes (as update-changes.ts would place its content). */
function containerMade(item: Y.Item, place: Place): Container {
  return { item, type: null, place, isNew: true };
}

function plainOrType(item: Y.Item): unknown {
  return item.content instanceof Y.ContentAny && item.content.arr.length === 1 ? item.content.arr[0] : item.content;
}
