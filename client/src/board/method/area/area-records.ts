/**
 * The EBCD method's records as the page follows them (issue 16; shared/method.ts): the priority
 * areas, every action and idea, and the board's phase, read from the board document live. Solid
 * stores reconciled by id, so a change to one action re-renders that action only; a burst of
 * changes (one transaction, or typing) is read once per microtask. Shared by an area's workspace
 * and the review, which read the same records.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import type * as Y from 'yjs';
import { boardTypes, phases, type Phase } from '../../../../../shared/board-document.ts';
import { methodTypes, prioritiesOf, readAction, readIdea, type Action, type Idea, type Priority } from '../../../../../shared/method.ts';

export interface AreaRecords {
  /** Every priority area, in the facilitator's order (a Solid store array). */
  readonly priorities: readonly Priority[];
  /** One area, or undefined when it is not on the board. */
  priority(id: string): Priority | undefined;
  /** One area's actions, in their order. */
  actionsOf(priorityId: string): Action[];
  /** One area's ideas, oldest first. */
  ideasOf(priorityId: string): Idea[];
  /** Where the project is (`meta.phase`; `prepare` when missing or unknown). */
  phase: Accessor<Phase>;
}

const byOrder = (a: Action, b: Action) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function readAll(doc: Y.Doc): { priorities: Priority[]; actions: Action[]; ideas: Idea[] } {
  const { actions, ideas } = methodTypes(doc);
  const actionList: Action[] = [];
  for (const [id, value] of actions) {
    const action = readAction(id, value);
    if (action !== null) actionList.push(action);
  }
  const ideaList: Idea[] = [];
  for (const [id, value] of ideas) {
    const idea = readIdea(id, value);
    if (idea !== null) ideaList.push(idea);
  }
  return {
    priorities: prioritiesOf(doc),
    actions: actionList.sort(byOrder),
    ideas: ideaList.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)),
  };
}

const readPhase = (doc: Y.Doc): Phase => {
  const value = boardTypes(doc).meta.get('phase');
  return (phases as readonly unknown[]).includes(value) ? (value as Phase) : 'prepare';
};

/** Follows `doc` live. Call inside a component: it stops observing on cleanup. */
export function createAreaRecords(doc: Y.Doc): AreaRecords {
  const types = methodTypes(doc);
  const { meta } = boardTypes(doc);
  const [state, setState] = createStore(readAll(doc));
  const [phase, setPhase] = createSignal(readPhase(doc));
  let scheduled = false;
  let stopped = false;
  const refresh = () => {
    scheduled = false;
    if (stopped) return;
    const next = readAll(doc);
    setState('priorities', reconcile(next.priorities, { key: 'id' }));
    setState('actions', reconcile(next.actions, { key: 'id' }));
    setState('ideas', reconcile(next.ideas, { key: 'id' }));
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(refresh);
  };
  const onMeta = () => setPhase(readPhase(doc));
  const maps = [types.priorities, types.actions, types.ideas];
  for (const map of maps) map.observeDeep(schedule);
  meta.observe(onMeta);
  onCleanup(() => {
    stopped = true;
    for (const map of maps) map.unobserveDeep(schedule);
    meta.unobserve(onMeta);
  });
  return {
    get priorities() {
      return state.priorities;
    },
    priority: (id) => state.priorities.find((priority) => priority.id === id),
    actionsOf: (priorityId) => state.actions.filter((action) => action.priorityId === priorityId),
    ideasOf: (priorityId) => state.ideas.filter((idea) => idea.priorityId === priorityId),
    phase,
  };
}
