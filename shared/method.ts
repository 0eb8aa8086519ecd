/**
 * The EBCD method after the map (issue 16; ../shared/EBCD.md): priority areas chosen from the
 * touchpoints, narrowed in a funnel at the joint event, each worked on by a co-design group with
 * ideas and an action plan, and reviewed at the end — and people's feelings recorded again then,
 * "how it feels now", beside how it felt at the start. Shared by the server's guard, the page and
 * the PDF export. Read defensively: anything not of these shapes reads as none.
 *
 * - `priorities`: id → Y.Map `{id, title: Y.Text, why: Y.Text, touchpointIds: string[], step,
 *   funnel: [{step, at, by}], group: string[], order, beforeAfter: Y.Text, createdBy, createdAt}` —
 *   the facilitator's (the group may write `beforeAfter`).
 * - `actions`: id → Y.Map `{id, priorityId, what: Y.Text, owner, due, status, note: Y.Text, order,
 *   createdBy, createdAt}` — the area's group members who can edit, and facilitators.
 * - `ideas`: id → Y.Map `{id, priorityId, body: Y.Text, createdBy, createdAt}` — the same people.
 * - `feelingsAfter`: `touchpointId/userId` → a feeling, as `feelings`: how it feels now (review).
 */
import * as Y from 'yjs';
import { boardTypes, TopLevel } from './board-document.ts';

/** Where a priority area is in the funnel: considered, on the shortlist (4–5), agreed (3–4), or set aside. */
export const prioritySteps = ['considered', 'shortlisted', 'agreed', 'set-aside'] as const;
export type PriorityStep = (typeof prioritySteps)[number];

/** An action's progress; "stopped" keeps its note saying why. */
export const actionStatuses = ['not-started', 'under-way', 'done', 'stopped'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

/** Who will do an action: a member of the board, or words ("Ward 4 nurses"). */
export type ActionOwner = { userId: string } | { name: string };

/** One move in the funnel: to `step`, at (the writer's clock), by whom. */
export interface FunnelMove {
  step: PriorityStep;
  at: number;
  by: string;
}

export interface Priority {
  id: string;
  title: string;
  why: string;
  touchpointIds: string[];
  step: PriorityStep;
  funnel: FunnelMove[];
  group: string[];
  order: string;
  beforeAfter: string;
  createdBy: string;
  createdAt: number;
}

export interface Action {
  id: string;
  priorityId: string;
  what: string;
  owner: ActionOwner | null;
  /** A day, `YYYY-MM-DD`, or null. */
  due: string | null;
  status: ActionStatus;
  note: string;
  order: string;
  createdBy: string;
  createdAt: number;
}

export interface Idea {
  id: string;
  priorityId: string;
  body: string;
  createdBy: string;
  createdAt: number;
}

/** The method's top-level maps of a board document. */
export function methodTypes(doc: Y.Doc) {
  return {
    priorities: doc.getMap<Y.Map<unknown>>(TopLevel.priorities),
    actions: doc.getMap<Y.Map<unknown>>(TopLevel.actions),
    ideas: doc.getMap<Y.Map<unknown>>(TopLevel.ideas),
    feelingsAfter: boardTypes(doc).feelingsAfter,
  };
}

const str = (value: unknown): string => (typeof value === 'string' ? value : value instanceof Y.Text ? value.toString() : '');
const ids = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** A `YYYY-MM-DD` day that exists in the calendar. */
export function isDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function readOwner(value: unknown): ActionOwner | null {
  if (typeof value !== 'object' || value === null) return null;
  const { userId, name } = value as Record<string, unknown>;
  if (typeof userId === 'string') return { userId };
  if (typeof name === 'string' && name.trim() !== '') return { name };
  return null;
}

function readFunnel(value: unknown): FunnelMove[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((move) => {
    if (typeof move !== 'object' || move === null) return [];
    const { step, at, by } = move as Record<string, unknown>;
    return (prioritySteps as readonly unknown[]).includes(step) && typeof by === 'string' ? [{ step: step as PriorityStep, at: num(at), by }] : [];
  });
}

export function readPriority(id: string, value: unknown): Priority | null {
  if (!(value instanceof Y.Map)) return null;
  const step = value.get('step');
  return {
    id,
    title: str(value.get('title')),
    why: str(value.get('why')),
    touchpointIds: ids(value.get('touchpointIds')),
    step: (prioritySteps as readonly unknown[]).includes(step) ? (step as PriorityStep) : 'considered',
    funnel: readFunnel(value.get('funnel')),
    group: ids(value.get('group')),
    order: str(value.get('order')),
    beforeAfter: str(value.get('beforeAfter')),
    createdBy: str(value.get('createdBy')),
    createdAt: num(value.get('createdAt')),
  };
}

export function readAction(id: string, value: unknown): Action | null {
  if (!(value instanceof Y.Map)) return null;
  const status = value.get('status');
  const due = value.get('due');
  return {
    id,
    priorityId: str(value.get('priorityId')),
    what: str(value.get('what')),
    owner: readOwner(value.get('owner')),
    due: isDay(due) ? due : null,
    status: (actionStatuses as readonly unknown[]).includes(status) ? (status as ActionStatus) : 'not-started',
    note: str(value.get('note')),
    order: str(value.get('order')),
    createdBy: str(value.get('createdBy')),
    createdAt: num(value.get('createdAt')),
  };
}

export function readIdea(id: string, value: unknown): Idea | null {
  if (!(value instanceof Y.Map)) return null;
  return { id, priorityId: str(value.get('priorityId')), body: str(value.get('body')), createdBy: str(value.get('createdBy')), createdAt: num(value.get('createdAt')) };
}

const byOrder = <T extends { order: string; id: string }>(a: T, b: T) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The board's priority areas in their order. */
export function prioritiesOf(doc: Y.Doc): Priority[] {
  const list: Priority[] = [];
  for (const [id, value] of methodTypes(doc).priorities) {
    const priority = readPriority(id, value);
    if (priority) list.push(priority);
  }
  return list.sort(byOrder);
}

/** One priority area's actions in their order. */
export function actionsOf(doc: Y.Doc, priorityId: string): Action[] {
  const list: Action[] = [];
  for (const [id, value] of methodTypes(doc).actions) {
    const action = readAction(id, value);
    if (action?.priorityId === priorityId) list.push(action);
  }
  return list.sort(byOrder);
}

/** One priority area's ideas, oldest first. */
export function ideasOf(doc: Y.Doc, priorityId: string): Idea[] {
  const list: Idea[] = [];
  for (const [id, value] of methodTypes(doc).ideas) {
    const idea = readIdea(id, value);
    if (idea?.priorityId === priorityId) list.push(idea);
  }
  return list.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/** Whether an action is past its day and not done or stopped, on `today` (`YYYY-MM-DD`, the reader's own day). */
export const isOverdue = (action: Action, today: string): boolean =>
  action.due !== null && action.due < today && action.status !== 'done' && action.status !== 'stopped';

/** Makes a priority area map ready to set into `priorities` under its id. */
export function newPriority(init: { id: string; title: string; why?: string; touchpointIds: string[]; order: string; createdBy: string; createdAt: number }): Y.Map<unknown> {
  const priority = new Y.Map<unknown>();
  priority.set('id', init.id);
  priority.set('title', new Y.Text(init.title));
  priority.set('why', new Y.Text(init.why ?? ''));
  priority.set('touchpointIds', init.touchpointIds);
  priority.set('step', 'considered');
  priority.set('funnel', [{ step: 'considered', at: init.createdAt, by: init.createdBy }]);
  priority.set('group', []);
  priority.set('order', init.order);
  priority.set('beforeAfter', new Y.Text(''));
  priority.set('createdBy', init.createdBy);
  priority.set('createdAt', init.createdAt);
  return priority;
}

/** Makes an action map ready to set into `actions` under its id. */
export function newAction(init: { id: string; priorityId: string; what: string; owner?: ActionOwner | null; due?: string | null; order: string; createdBy: string; createdAt: number }): Y.Map<unknown> {
  const action = new Y.Map<unknown>();
  action.set('id', init.id);
  action.set('priorityId', init.priorityId);
  action.set('what', new Y.Text(init.what));
  action.set('owner', init.owner ?? null);
  action.set('due', init.due ?? null);
  action.set('status', 'not-started');
  action.set('note', new Y.Text(''));
  action.set('order', init.order);
  action.set('createdBy', init.createdBy);
  action.set('createdAt', init.createdAt);
  return action;
}

/** Makes an idea map ready to set into `ideas` under its id. */
export function newIdea(init: { id: string; priorityId: string; body: string; createdBy: string; createdAt: number }): Y.Map<unknown> {
  const idea = new Y.Map<unknown>();
  idea.set('id', init.id);
  idea.set('priorityId', init.priorityId);
  idea.set('body', new Y.Text(init.body));
  idea.set('createdBy', init.createdBy);
  idea.set('createdAt', init.createdAt);
  return idea;
}

/** Moves a priority area to `step`, remembering the move in its funnel (one transaction). */
export function movePriority(doc: Y.Doc, priorityId: string, step: PriorityStep, by: string, at: number, origin: unknown): void {
  const priority = methodTypes(doc).priorities.get(priorityId);
  if (!(priority instanceof Y.Map)) return;
  doc.transact(() => {
    priority.set('step', step);
    priority.set('funnel', [...readFunnel(priority.get('funnel')), { step, at, by }]);
  }, origin);
}
