/**
 * "Bring everyone here" on a stage, for facilitators (issue 15), beside the stage's other
 * controls (StageHeader.tsx) and named like them: "Bring everyone here: Going home". A card has the
 * same as an item of its "More actions" menu (TouchpointCard.tsx). Focus stays on the button; the
 * top of the page says it was done (GatherNotice.tsx).
 */
import { Show } from 'solid-js';
import { useBoard } from '../../board-context.ts';
import { useGathering } from './gathering-context.tsx';
import type { GatherTarget } from './gathering.ts';

/** The words of the card menu's item and of the stage's button. */
export const bringEveryoneWords = 'Bring everyone here';

export function BringEveryoneHere(props: { target: GatherTarget; name: string }) {
  const board = useBoard();
  const gathering = useGathering();
  return (
    <Show when={board.canFacilitate()}>
      <button
        type="button"
        class="button button--secondary button--small"
        aria-label={`${bringEveryoneWords}: ${props.name}`}
        onClick={() => gathering.bring(props.target)}
      >
        {bringEveryoneWords}
      </button>
    </Show>
  );
}
