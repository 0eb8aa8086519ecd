/**
 * Restoring from the board's history (issue 17): a touchpoint, a stage or the whole board put back
 * as a kept version had it, as a NEW change the server writes into the live document — nothing
 * rewritten, everyone sees it arrive, and Undo-able history stays intact. What a restore takes
 * away goes to "Recently deleted", so nothing is lost by restoring either.
 *
 * - A touchpoint (`edit`): its title, story, stage and place as then; brought back from "Recently
 *   deleted", or made again if it was removed for good (in its storyteller's name, as then). Its
 *   consent stays as its storyteller says now (a card made again takes the version's). Feelings,
 *   dots and comments are people's own and are never changed by a restore. Its stage must be on
 *   the board now (`stage_gone` otherwise).
 * - A stage (`facilitate`): its title; brought back or made again (at the end); each of its
 *   touchpoints then restored as above; those added to it since go to "Recently deleted".
 * - The whole board (`facilitate`): its title and purpose, every stage as above, and the stages
 *   added since go to "Recently deleted" (their touchpoints with them). Stages keep their order now.
 *
 * Transport-free; the board's host runs it in its queue of server-written changes.
 */
import * as Y from 'yjs';
import { atLeast } from '../../shared/access.ts';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { consentOf } from '../../shared/consent.ts';
import type { RestoreRequest, RestoreResult } from '../../shared/history.ts';
import { hiddenIds, markDeleted } from '../../shared/recently-deleted.ts';
import { editingPaused } from '../../shared/session.ts';
import type { CommentActor } from '../ports/comment-action.ts';

export type RestoreOutcome = ({ ok: true } & RestoreResult) | { ok: false; code: 'not_found' | 'forbidden' | 'stage_gone'; message: string };

const text = (value: unknown): string => (typeof value === 'string' ? value : value instanceof Y.Text ? value.toString() : '');

/** Whether `request` may be made by `actor` on `live` now; null when it may. */
export function restoreRefusal(live: Y.Doc, actor: CommentActor, request: RestoreRequest): RestoreOutcome | null {
  if (request.what === 'touchpoint') {
    if (!atLeast(actor.access, 'edit')) return { ok: false, code: 'forbidden', message: 'Only people who can add and change things can put a moment back.' };
    if (actor.access === 'edit' && editingPaused(live) !== null) return { ok: false, code: 'forbidden', message: 'Changes to the map are paused. Please try again when the facilitator resumes them.' };
    return null;
  }
  if (!atLeast(actor.access, 'facilitate')) return { ok: false, code: 'forbidden', message: 'Only someone who organises this board can put back a stage or the whole board.' };
  return null;
}

/** Makes the restore in `live` (in the caller's transaction), reading what was from `then`. */
export function restoreFrom(live: Y.Doc, then: Y.Doc, request: RestoreRequest, actor: CommentActor, now: number): RestoreOutcome {
  const shownThen = shown(then);
  const liveTypes = boardTypes(live);
  const result = { restored: 0, movedToRecentlyDeleted: 0 };
  const hide = (id: string, kind: 'stage' | 'touchpoint') => {
    markDeleted(live, { id, kind, deletedAt: now, deletedBy: actor.userId }, null);
    result.movedToRecentlyDeleted++;
  };

  const restoreTouchpoint = (id: string): RestoreOutcome | null => {
    const old = boardTypes(then).touchpoints.get(id);
    if (!(old instanceof Y.Map) || !shownThen.touchpoints.has(id)) return { ok: false, code: 'not_found', message: 'That moment is not in this version.' };
    const stageId = text(old.get('stageId'));
    if (!stageShown(live, stageId)) return { ok: false, code: 'stage_gone', message: 'The stage this moment was in is not on the board now. Please put the stage back first.' };
    const current = liveTypes.touchpoints.get(id);
    if (current instanceof Y.Map) {
      setText(current, 'title', text(old.get('title')));
      setText(current, 'story', text(old.get('story')));
      if (current.get('stageId') !== stageId) current.set('stageId', stageId);
      if (current.get('order') !== old.get('order')) current.set('order', text(old.get('order')));
    } else {
      liveTypes.touchpoints.set(
        id,
        newTouchpoint({
          id,
          stageId,
          order: text(old.get('order')),
          title: text(old.get('title')),
          story: text(old.get('story')),
          consent: old.has('consent') ? consentOf(old) : undefined,
          createdBy: text(old.get('createdBy')),
          createdAt: typeof old.get('createdAt') === 'number' ? (old.get('createdAt') as number) : now,
        }),
      );
    }
    liveTypes.deleted.delete(id);
    result.restored++;
    return null;
  };

  const restoreStage = (id: string): RestoreOutcome | null => {
    const old = [...boardTypes(then).stages].find((stage) => stage instanceof Y.Map && stage.get('id') === id);
    if (old === undefined || !shownThen.stages.has(id)) return { ok: false, code: 'not_found', message: 'That stage is not in this version.' };
    const current = [...liveTypes.stages].find((stage) => stage instanceof Y.Map && stage.get('id') === id);
    const title = text(old.get('title'));
    if (current === undefined) liveTypes.stages.push([newStage(id, title)]);
    else if (current.get('title') !== title) current.set('title', title);
    liveTypes.deleted.delete(id);
    result.restored++;
    const thenIds = new Set<string>();
    for (const [touchpointId, touchpoint] of boardTypes(then).touchpoints) {
      if (touchpoint instanceof Y.Map && touchpoint.get('stageId') === id && shownThen.touchpoints.has(touchpointId)) {
        thenIds.add(touchpointId);
        const refused = restoreTouchpoint(touchpointId);
        if (refused) return refused;
      }
    }
    const hidden = hiddenIds(live);
    for (const [touchpointId, touchpoint] of liveTypes.touchpoints) {
      if (touchpoint instanceof Y.Map && touchpoint.get('stageId') === id && !thenIds.has(touchpointId) && !hidden.has(touchpointId)) hide(touchpointId, 'touchpoint');
    }
    return null;
  };

  switch (request.what) {
    case 'touchpoint':
      return restoreTouchpoint(request.id) ?? { ok: true, ...result };
    case 'stage':
      return restoreStage(request.id) ?? { ok: true, ...result };
    case 'board': {
      const meta = boardTypes(then).meta;
      for (const key of ['title', 'purpose']) {
        const value = text(meta.get(key));
        if (text(liveTypes.meta.get(key)) !== value && (key !== 'title' || value !== '')) liveTypes.meta.set(key, value);
      }
      for (const id of shownThen.stages) {
        const refused = restoreStage(id);
        if (refused) return refused;
      }
      const hidden = hiddenIds(live);
      for (const stage of liveTypes.stages) {
        const id = stage instanceof Y.Map ? text(stage.get('id')) : '';
        if (id !== '' && !shownThen.stages.has(id) && !hidden.has(id)) hide(id, 'stage');
      }
      return { ok: true, ...result };
    }
  }
}

/** The stages and touchpoints a document shows (not in "Recently deleted"; a deleted stage hides its touchpoints). */
function shown(doc: Y.Doc): { stages: Set<string>; touchpoints: Set<string> } {
  const hidden = hiddenIds(doc);
  const stages = new Set<string>();
  for (const stage of boardTypes(doc).stages) {
    const id = stage instanceof Y.Map ? text(stage.get('id')) : '';
    if (id !== '' && !hidden.has(id)) stages.add(id);
  }
  const touchpoints = new Set<string>();
  for (const [id, touchpoint] of boardTypes(doc).touchpoints) {
    if (touchpoint instanceof Y.Map && !hidden.has(id) && stages.has(text(touchpoint.get('stageId')))) touchpoints.add(id);
  }
  return { stages, touchpoints };
}

const stageShown = (doc: Y.Doc, stageId: string): boolean => shown(doc).stages.has(stageId);

/** Sets a shared text field to `value`, changing only the part between the common start and end. */
function setText(map: Y.Map<unknown>, key: string, value: string): void {
  const current = map.get(key);
  if (!(current instanceof Y.Text)) {
    map.set(key, new Y.Text(value));
    return;
  }
  const before = current.toString();
  if (before === value) return;
  let start = 0;
  while (start < before.length && start < value.length && before[start] === value[start]) start++;
  let end = 0;
  while (end < before.length - start && end < value.length - start && before[before.length - 1 - end] === value[value.length - 1 - end]) end++;
  current.delete(start, before.length - start - end);
  current.insert(start, value.slice(start, value.length - end));
}
