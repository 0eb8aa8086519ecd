/**
 * The review (issue 16): per priority area, agreed ones first, what changed — actions done and
 * stopped with their notes, the before-and-after note, and how the moments felt at the start
 * beside how they feel now — and, in the review phase, everyone who can comment saying how each
 * moment feels now. "Show the summary" puts one area at a time in big text for the celebration
 * event. Shown at `?view=review` (method-views.ts).
 */
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import { focusSoon, useBoard } from '../../board-context.ts';
import { today } from '../area/action-words.ts';
import type { Who } from '../area/may-work.ts';
import { createAreaRecords } from '../area/area-records.ts';
import { CelebrationSummary } from './CelebrationSummary.tsx';
import { ReviewArea } from './ReviewArea.tsx';
import { reviewOrder } from './review-words.ts';
import '../area/area.css';
import './review.css';

export function ReviewView() {
  const board = useBoard();
  const data = createAreaRecords(board.doc);
  const id = createUniqueId();
  const [showing, setShowing] = createSignal(false);
  const todayDay = today();
  const areas = () => reviewOrder(data.priorities);
  const recording = () => data.phase() === 'review';
  const who: Who = {
    userId: board.userId,
    get canEdit() {
      return board.canEdit();
    },
    get canFacilitate() {
      return board.canFacilitate();
    },
  };
  const close = () => {
    setShowing(false);
    focusSoon(`${id}-show`);
  };

  return (
    <Show
      when={!showing()}
      fallback={<CelebrationSummary areas={areas()} actionsOf={data.actionsOf} onClose={close} />}
    >
      <section class="review" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`} tabindex="-1">
          Review: what changed
        </h2>
        <Show
          when={recording()}
          fallback={
            <p>
              When the person organising the board moves it to the review step, everyone who can comment can say here how each moment feels now, to
              set beside how it felt at the start.
            </p>
          }
        >
          <p>
            This is the review. <Show when={board.canComment()}>Please say how each moment feels now, under each area. </Show>
            How it felt at the start shows beside how it feels now.
          </p>
        </Show>
        <Show when={areas().length > 0} fallback={<p>There are no priority areas yet, so there is nothing to review.</p>}>
          <button type="button" class="button button--secondary" id={`${id}-show`} onClick={() => setShowing(true)}>
            Show the summary for the celebration
          </button>
          <For each={areas()}>
            {(area) => <ReviewArea priority={area} actions={data.actionsOf(area.id)} who={who} recording={recording()} today={todayDay} />}
          </For>
        </Show>
      </section>
    </Show>
  );
}
