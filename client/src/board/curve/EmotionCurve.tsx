/**
 * The emotion curve across the whole journey: how each moment felt, with the spread of views
 * shown rather than averaged away (EBCD: places where views range widely deserve the most
 * attention). A picture and a table of the same data, both following the document live.
 */
import { createUniqueId } from 'solid-js';
import type * as Y from 'yjs';
import type { CurveData } from './curve-data.ts';
import { CurveAxis, CurveChart } from './CurveChart.tsx';
import { CurveTable } from './CurveTable.tsx';

export interface EmotionCurveProps {
  doc: Y.Doc;
  /** The board's curve data, shared with the stage curves under each column. */
  data: CurveData;
}

/** The curve picture, its key, and the table. Mount once per board, below the stages. */
export function EmotionCurve(props: EmotionCurveProps) {
  const data = props.data;
  const headingId = `curve-heading-${createUniqueId()}`;
  return (
    <section class="curve" aria-labelledby={headingId}>
      <h2 id={headingId}>Emotion curve</h2>
      <p class="curve__key">
        Higher means it felt better. The line joins the middle feeling at each moment; the shaded band goes from the
        lowest to the highest feeling; bigger dots mean more people said. A{' '}
        <span class="curve__key-mark" aria-hidden="true">
          ◆
        </span>{' '}
        diamond and striped bar mark moments where views differ a lot.
      </p>
      <div class="curve__scroll" role="group" aria-label="Emotion curve picture" tabindex="0">
        <div class="curve__canvas">
          <CurveAxis />
          <CurveChart data={data} />
        </div>
      </div>
      <CurveTable doc={props.doc} data={data} />
    </section>
  );
}
