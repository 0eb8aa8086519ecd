/**
 * The emotion curve's data, following the board document live: every touchpoint in journey
 * order with its feeling stats, as shared/journey.ts reads them (the PDF export reads the same).
 * A change of any kind recomputes the whole curve in one pass, at most once per microtask, and reconcile() keeps unchanged rows as
 * they are, so a board of 500 touchpoints stays responsive while people record feelings.
 * Touchpoint titles are Y.Text and are read by the rows themselves (y-text-signal.ts): typing
 * in a title recomputes nothing here.
 */
import { createEffect, on, onCleanup, type Accessor } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import * as Y from 'yjs';
import { boardTypes } from '../../../../shared/board-document.ts';
import { readJourney, type JourneyRow, type JourneySpan } from '../../../../shared/journey.ts';

/** One touchpoint on the curve. */
export type CurveRow = JourneyRow;

/** A stage that has touchpoints, with where its touchpoints sit on the curve. */
export type CurveStageSpan = JourneySpan;

export interface CurveData {
  /** Every touchpoint, in journey order (a Solid store array). */
  readonly rows: readonly CurveRow[];
  /** Stages with at least one touchpoint, in journey order. */
  readonly spans: readonly CurveStageSpan[];
  /** How many stages the journey has, empty ones included. */
  readonly stageCount: number;
}

type CurveShape = { rows: CurveRow[]; spans: CurveStageSpan[]; stageCount: number };

function readCurve(doc: Y.Doc): CurveShape {
  const { rows, spans, stageCount } = readJourney(doc);
  return { rows, spans, stageCount };
}

/**
 * Follows `doc` live, reading the curve with `read` again (at most once per microtask) when the
 * stages, the touchpoints, the `which` feelings or "Recently deleted" change, or `also` does.
 * Call inside a component: it stops observing on cleanup.
 */
export function followCurve(doc: Y.Doc, which: 'feelings' | 'feelingsAfter', read: () => CurveShape, also?: Accessor<unknown>): CurveData {
  const types = boardTypes(doc);
  const { stages, touchpoints, deleted } = types;
  const feelings = types[which];
  const [state, setState] = createStore(read());

  let scheduled = false;
  let stopped = false;
  const refresh = () => {
    scheduled = false;
    if (stopped) return;
    const next = read();
    setState('rows', reconcile(next.rows, { key: 'touchpointId' }));
    setState('spans', reconcile(next.spans, { key: 'stageId' }));
    setState('stageCount', next.stageCount);
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(refresh);
  };
  const onTouchpoints = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    // Edits inside a title or story move nothing; only the touchpoint maps themselves can.
    if (events.every((event) => event.target instanceof Y.Text)) return;
    schedule();
  };

  if (also) createEffect(on(also, schedule, { defer: true }));
  stages.observeDeep(schedule);
  touchpoints.observeDeep(onTouchpoints);
  feelings.observe(schedule);
  deleted.observeDeep(schedule);
  onCleanup(() => {
    stopped = true;
    stages.unobserveDeep(schedule);
    touchpoints.unobserveDeep(onTouchpoints);
    feelings.unobserve(schedule);
    deleted.unobserveDeep(schedule);
  });

  return state;
}

/** The whole board's curve, followed live. Call inside a component. */
export function createCurveData(doc: Y.Doc): CurveData {
  return followCurve(doc, 'feelings', () => readCurve(doc));
}
