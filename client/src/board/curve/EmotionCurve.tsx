/**
 * The emotion curve across the whole journey: how each moment felt, with the spread of views
 * shown rather than averaged away (EBCD: places where views range widely deserve the most
 * attention). A picture and a table of the same data, both following the document live.
 */
import { createUniqueId } from 'solid-js';
import type * as Y from 'yjs';
import type { CurveData } from './curve-data.ts';
import { CurveChart } from './CurveChart.tsx';
import { CurveTable } from './CurveTable.tsx';

export interface EmotionCurveProps {
  doc: Y.Doc;
  /** The board's curve data, shared with the stage curves under each column. */
  data: CurveData;
}

/** The curve picture with its key, and the table. Mount once per board, below the stages. */
export function EmotionCurve(props: EmotionCurveProps) {
  const headingId = `curve-heading-${createUniqueId()}`;
  return (
    <section class="curve" aria-labelledby={headingId}>
      <h2 id={headingId}>Emotion curve</h2>
      <CurveChart doc={props.doc} data={props.data} />
      <CurveTable doc={props.doc} data={props.data} />
    </section>
  );
}
