/**
 * Follows the `feelings` map for one touchpoint (or, at the review, `feelingsAfter`: how it feels
 * now, issue 16). A board can show hundreds of cards, so every card of one document shares a
 * single index per map (grouped by touchpoint, built once, updated from each change's
 * `keysChanged`): a change wakes only the cards whose touchpoint it touched, and no card ever
 * scans the whole map. Whose each feeling is the document does not say (issue 17): the person's
 * own comes from own-feelings.ts.
 */
import { createMemo, createSignal, onCleanup, type Accessor } from 'solid-js';
import type * as Y from 'yjs';
import { boardTypes, type Feeling } from '../../../../shared/board-document.ts';
import { feelingStats, parseFeelingKey, readFeeling, type FeelingStats } from '../../../../shared/feeling-stats.ts';
import type { OwnFeelings } from './own-feelings.ts';
import { countedFeelings } from './waiting-feelings.ts';

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
  /** The current person's own feeling (a choice on its way first), or null when they have not said (or it is unreadable). */
  own: Accessor<Feeling | null>;
  /** Everyone's feelings at this touchpoint, summarised, the person's own as they last chose it. */
  stats: Accessor<FeelingStats>;
}

/**
 * Follows one touchpoint's feelings live, including the current person's own, found through
 * `mine` (own-feelings.ts: the server tells each person only their own keys). Call inside a
 * component: it stops on cleanup. `touchpointId` is read once (key the component by touchpoint,
 * as the board's lists do).
 */
export function createTouchpointFeelings(doc: Y.Doc, touchpointId: string, mine: OwnFeelings, which: FeelingsMap = 'feelings'): TouchpointFeelings {
  const index = openIndex(doc, which);
  const [changed, setChanged] = createSignal(0);
  const listener = () => setChanged((n) => n + 1);
  let listeners = index.listeners.get(touchpointId);
  if (listeners === undefined) index.listeners.set(touchpointId, (listeners = new Set()));
  listeners.add(listener);
  onCleanup(() => {
    listeners.delete(listener);
    if (listeners.size === 0) index.listeners.delete(touchpointId);
    closeIndex(doc, which, index);
  });
  const group = () => {
    changed();
    return index.groups.get(touchpointId);
  };
  const own = createMemo(() => {
    const key = mine.ownKey(which, touchpointId);
    const participantId = key === null ? undefined : parseFeelingKey(key)?.participantId;
    const inDoc = participantId === undefined ? null : readFeeling(group()?.get(participantId));
    return mine.own(which, touchpointId, inDoc);
  });
  const stats = createMemo(() => {
    const inDoc = [...(group() ?? [])].map(([participantId, value]): [string, unknown] => [`${touchpointId}/${participantId}`, value]);
    return feelingStats(countedFeelings(inDoc, (key) => mine.isMine(which, key), own()));
  });
  return { own, stats };
}
