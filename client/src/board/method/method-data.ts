/**
 * The method's records as the page follows them (issue 16): the board's phase (`meta.phase`), its
 * priority areas in order (shared/method.ts's prioritiesOf, read again whenever anything under
 * `priorities` changes — a handful of areas, so one read is cheap — and reconciled by id so an
 * unchanged area is not drawn again), and the dot totals revealed by the last vote
 * (shared/vote.ts). When the phase changes, by this person or another, everyone hears it.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import type * as Y from 'yjs';
import { boardTypes, type Phase } from '../../../../shared/board-document.ts';
import { methodTypes, prioritiesOf, type Priority } from '../../../../shared/method.ts';
import { dotTotals } from '../../../../shared/vote.ts';
import type { Announcer } from '../announcer.ts';
import { movedWords, readPhase } from './phase-guide.ts';

export interface MethodData {
  phase: Accessor<Phase>;
  /** The priority areas in their order (a Solid store array). */
  readonly priorities: readonly Priority[];
  priority(id: string): Priority | undefined;
  /** Revealed dots: touchpoint id → total; empty when no vote has been shown. */
  dots: Accessor<ReadonlyMap<string, number>>;
}

/** Follows `doc` live. Call inside a component: it stops observing on cleanup. */
export function createMethodData(doc: Y.Doc, announcer: Announcer): MethodData {
  const { meta, votes } = boardTypes(doc);
  const { priorities } = methodTypes(doc);
  const [phase, setPhase] = createSignal(readPhase(meta.get('phase')));
  const [state, setState] = createStore({ list: prioritiesOf(doc) });
  const [dots, setDots] = createSignal<ReadonlyMap<string, number>>(dotTotals(doc));

  const onMeta = (event: Y.YMapEvent<unknown>) => {
    if (!event.keysChanged.has('phase')) return;
    const next = readPhase(meta.get('phase'));
    if (next === phase()) return;
    setPhase(next);
    announcer.say(movedWords(next));
  };
  const onPriorities = () => setState('list', reconcile(prioritiesOf(doc), { key: 'id' }));
  const onVotes = () => setDots(dotTotals(doc));
  meta.observe(onMeta);
  priorities.observeDeep(onPriorities);
  votes.observe(onVotes);
  onCleanup(() => {
    meta.unobserve(onMeta);
    priorities.unobserveDeep(onPriorities);
    votes.unobserve(onVotes);
  });
  return {
    phase,
    get priorities() {
      return state.list;
    },
    priority: (id) => state.list.find((priority) => priority.id === id),
    dots,
  };
}
