/**
 * Follows the `feelings` map for one touchpoint (or, at the review, `feelingsAfter`: how it feels
 * now, issue 16). A board can show hundreds of cards, so every card of one document shares a
 * single index per map (grouped by touchpoint, built once, updated from each change's
 * `keysChanged`): a change wakes only the cards whose touchpoint it touched, and no card ever
 * scans the whole map.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type * as Y from 'yjs';
import { boardTypes, type Feeling } from '../../../../shared/board-document.ts';
import { feelingStats, parseFeelingKey, readFeeling, type FeelingStats } from '../../../../shared/feeling-stats.ts';

interface FeelingsIndex {
  /** participantId → stored value (unchecked), for one touchpoint. */
  groups: Map<string, Map<string, unknown>>;
  listeners: Map<string, Set<() => void>>;
  users: number;
  stop: () => void;
}

/** Which feelings: how moments felt (`feelings`) or how they feel now, at the review (`feelingsAfter`). */
export type FeelingsMap = 'feelings' | 'feelingsAfter';

const indexes: Record<FeelingsMap, WeakMap<Y.Doc, FeelingsIndex>> = { feelings: new WeakMap(), feelingsAfter: new WeakMap() };

function openIndex(doc: Y.Doc, which: FeelingsMap): FeelingsIndex {
  const existing = indexes[which].get(doc);
  if (existing !== undefined) {
    existing.users += 1;
    return existing;
  }
  const feelings = boardTypes(doc)[which];
  const groups = new Map<string, Map<string, unknown>>();
  const put = (key: string): string | null => {
    const parts = parseFeelingKey(key);
    if (parts === null) return null;
    let group = groups.get(parts.touchpointId);
    if (feelings.has(key)) {
      if (group === undefined) groups.set(parts.touchpointId, (group = new Map()));
      group.set(parts.participantId, feelings.get(key));
    } else {
      group?.delete(parts.participantId);
      if (group?.size === 0) groups.delete(parts.touchpointId);
    }
    return parts.touchpointId;
  };
  for (const key of feelings.keys()) put(key);

  const listeners = new Map<string, Set<() => void>>();
  const onChange = (event: Y.YMapEvent<Feeling>) => {
    const touched = new Set<string>();
    for (const key of event.keysChanged) {
      const touchpointId = put(key);
      if (touchpointId !== null) touched.add(touchpointId);
    }
    for (const touchpointId of touched) listeners.get(touchpointId)?.forEach((listener) => listener());
  };
  feelings.observe(onChange);
  const index: FeelingsIndex = { groups, listeners, users: 1, stop: () => feelings.unobserve(onChange) };
  indexes[which].set(doc, index);
  return index;
}

function closeIndex(doc: Y.Doc, which: FeelingsMap, index: FeelingsIndex): void {
  index.users -= 1;
  if (index.users > 0) return;
  index.stop();
  indexes[which].delete(doc);
}

/** What the board knows about one touchpoint's feelings. */
export interface TouchpointFeelings {
  /** The current person's own feeling, or null when they have not said (or it is unreadable). */
  own: Accessor<Feeling | null>;
  /** Everyone's feelings at this touchpoint, summarised. */
  stats: Accessor<FeelingStats>;
}

/**
 * Follows one touchpoint's feelings live, including the current person's own. Call inside a
 * component: it stops on cleanup. `touchpointId` and `userId` are read once (key the component
 * by touchpoint, as the board's lists do).
 */
export function createTouchpointFeelings(doc: Y.Doc, touchpointId: string, userId: string, which: FeelingsMap = 'feelings'): TouchpointFeelings {
  const index = openIndex(doc, which);
  const read = () => {
    const group = index.groups.get(touchpointId);
    return { own: readFeeling(group?.get(userId)), stats: feelingStats(group?.values() ?? []) };
  };
  const [state, setState] = createSignal(read());
  const listener = () => setState(read());
  let listeners = index.listeners.get(touchpointId);
  if (listeners === undefined) index.listeners.set(touchpointId, (listeners = new Set()));
  listeners.add(listener);
  onCleanup(() => {
    listeners.delete(listener);
    if (listeners.size === 0) index.listeners.delete(touchpointId);
    closeIndex(doc, which, index);
  });
  return { own: () => state().own, stats: () => state().stats };
}
