/**
 * A Solid view of the board document: the title, the stages in journey order, and each stage's
 * touchpoint ids sorted by `order`. Fine-grained where it is cheap: reconcile() keeps unchanged
 * stages and cards as they are, and typing in a card's title or story (a Y.Text) does not touch
 * the lists at all — the card listens to its own text (see y-text-signal.ts). Stages and
 * touchpoints in "Recently deleted" are left out (shared/recently-deleted.ts); the touchpoints of
 * a deleted stage are left out with it, since only stages shown are drawn.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import * as Y from 'yjs';
import { boardTypes } from '../../../shared/board-document.ts';
import { hiddenIds } from '../../../shared/recently-deleted.ts';

export interface StageView {
  id: string;
  title: string;
}

/** Where a touchpoint sits; its words are read by the card itself. */
export interface TouchpointPlace {
  id: string;
  stageId: string;
  order: string;
}

export interface BoardView {
  /** `meta.title` ('' until the document has one). */
  title: Accessor<string>;
  /** `meta.purpose`, the board's aim in plain words ('' when none). */
  purpose: Accessor<string>;
  /** The stages in journey order (a Solid store array). */
  readonly stages: readonly StageView[];
  /** The touchpoints of one stage, sorted by `order` (plain string comparison), then id. */
  touchpointsIn(stageId: string): readonly TouchpointPlace[];
  /** The touchpoint's shared map, for reading its title and story. */
  touchpoint(id: string): Y.Map<unknown> | undefined;
  /** The document's `touchpoints` map, for adding to it. */
  readonly touchpointMap: Y.Map<Y.Map<unknown>>;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Plain code-unit order, as fractional-index keys require (never localeCompare). */
const byOrderThenId = (a: TouchpointPlace, b: TouchpointPlace): number =>
  a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

function readStages(stages: Y.Array<Y.Map<unknown>>, hidden: ReadonlySet<string>): StageView[] {
  const seen = new Set<string>(hidden);
  const result: StageView[] = [];
  for (const stage of stages) {
    if (!(stage instanceof Y.Map)) continue;
    const id = text(stage.get('id'));
    // A stage without an id, or a second copy of one, cannot be told apart: show the first only.
    if (id === '' || seen.has(id)) continue;
    seen.add(id);
    result.push({ id, title: text(stage.get('title')) });
  }
  return result;
}

function readPlaces(touchpoints: Y.Map<Y.Map<unknown>>, hidden: ReadonlySet<string>): Record<string, TouchpointPlace[]> {
  const byStage: Record<string, TouchpointPlace[]> = {};
  for (const [id, touchpoint] of touchpoints) {
    if (!(touchpoint instanceof Y.Map) || hidden.has(id)) continue;
    const stageId = text(touchpoint.get('stageId'));
    (byStage[stageId] ??= []).push({ id, stageId, order: text(touchpoint.get('order')) });
  }
  for (const places of Object.values(byStage)) places.sort(byOrderThenId);
  return byStage;
}

/** Follows `doc` live. Call inside a component: it stops observing on cleanup. */
export function createBoardView(doc: Y.Doc): BoardView {
  const { meta, stages, touchpoints, deleted } = boardTypes(doc);
  const [title, setTitle] = createSignal(text(meta.get('title')));
  const [purpose, setPurpose] = createSignal(text(meta.get('purpose')));
  const [state, setState] = createStore({
    stages: readStages(stages, hiddenIds(doc)),
    byStage: readPlaces(touchpoints, hiddenIds(doc)),
  });

  const onMeta = () => {
    setTitle(text(meta.get('title')));
    setPurpose(text(meta.get('purpose')));
  };
  const onStages = () => setState('stages', reconcile(readStages(stages, hiddenIds(doc)), { key: 'id' }));
  const onPlaces = () => setState('byStage', reconcile(readPlaces(touchpoints, hiddenIds(doc)), { key: 'id' }));
  const onTouchpoints = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    // Edits inside a title or story change no place; only map changes can.
    if (events.every((event) => event.target instanceof Y.Text)) return;
    onPlaces();
  };
  const onDeleted = () => {
    onStages();
    onPlaces();
  };

  meta.observe(onMeta);
  stages.observeDeep(onStages);
  touchpoints.observeDeep(onTouchpoints);
  deleted.observeDeep(onDeleted);
  onCleanup(() => {
    meta.unobserve(onMeta);
    stages.unobserveDeep(onStages);
    touchpoints.unobserveDeep(onTouchpoints);
    deleted.unobserveDeep(onDeleted);
  });

  return {
    title,
    purpose,
    get stages() {
      return state.stages;
    },
    touchpointsIn: (stageId) => state.byStage[stageId] ?? [],
    touchpoint: (id) => touchpoints.get(id),
    touchpointMap: touchpoints,
  };
}
