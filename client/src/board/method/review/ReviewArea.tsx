/**
 * One priority area at the review (issue 16): what changed — the actions done and those stopped,
 * each with its note, and how many are still going — the before-and-after note, how its moments
 * felt at the start beside how they feel now, and, in the review phase, each person saying how
 * each moment feels now.
 */
import { createUniqueId, For, Show } from 'solid-js';
import type { Action, Priority } from '../../../../../shared/method.ts';
import { isOverdue } from '../../../../../shared/method.ts';
import { useBoard } from '../../board-context.ts';
import { ownerWords } from '../area/action-words.ts';
import { stepWords } from '../area/AreaWorkspace.tsx';
import type { Who } from '../area/may-work.ts';
import { BeforeAfterNote } from './BeforeAfterNote.tsx';
import { FeelingsCompare } from './FeelingsCompare.tsx';
import { FeelingsNow } from './FeelingsNow.tsx';

function ActionLine(props: { action: Action }) {
  const board = useBoard();
  return (
    <li>
      <span class="review-action__what">{props.action.what.trim() || 'An action without words'}</span>{' '}
      <span class="review-action__who">({ownerWords(props.action.owner, board.names.who)})</span>
      <Show when={props.action.note.trim() !== ''}>
        <span class="review-action__note">Note: {props.action.note}</span>
      </Show>
    </li>
  );
}

/** "2 more actions are not done yet, 1 of them overdue."; '' when none. */
function stillGoingWords(actions: readonly Action[], today: string): string {
  const going = actions.filter((action) => action.status === 'not-started' || action.status === 'under-way');
  if (going.length === 0) return '';
  const late = going.filter((action) => isOverdue(action, today)).length;
  const count = going.length === 1 ? '1 more action is not done yet' : `${going.length} more actions are not done yet`;
  return `${count}${late > 0 ? `, ${late} of them overdue` : ''}.`;
}

export interface ReviewAreaProps {
  priority: Priority;
  actions: readonly Action[];
  who: Who;
  /** In the review phase: people say how each moment feels now. */
  recording: boolean;
  today: string;
}

export function ReviewArea(props: ReviewAreaProps) {
  const board = useBoard();
  const id = createUniqueId();
  const done = () => props.actions.filter((action) => action.status === 'done');
  const stopped = () => props.actions.filter((action) => action.status === 'stopped');
  return (
    <section class="review-area" aria-labelledby={`${id}-title`} data-review-area={props.priority.id}>
      <h3 id={`${id}-title`}>{props.priority.title.trim() || 'Untitled priority area'}</h3>
      <p class="area__step">{stepWords[props.priority.step]}</p>

      <h4>What was done</h4>
      <Show when={done().length > 0} fallback={<p>No actions are marked done yet.</p>}>
        <ul class="review-actions" aria-label={`Actions done for “${props.priority.title.trim()}”`}>
          <For each={done()}>{(action) => <ActionLine action={action} />}</For>
        </ul>
      </Show>
      <Show when={stopped().length > 0}>
        <h4>Stopped</h4>
        <ul class="review-actions" aria-label={`Actions stopped for “${props.priority.title.trim()}”`}>
          <For each={stopped()}>{(action) => <ActionLine action={action} />}</For>
        </ul>
      </Show>
      <Show when={stillGoingWords(props.actions, props.today)}>{(words) => <p>{words()}</p>}</Show>

      <h4>Before and after</h4>
      <BeforeAfterNote priority={props.priority} who={props.who} />

      <h4>How it felt at the start, and how it feels now</h4>
      <FeelingsCompare priority={props.priority} />

      <Show when={props.recording && board.canComment() && props.priority.touchpointIds.length > 0}>
        <h4>Say how each moment feels now</h4>
        <p class="hint">Only your own answer is kept under your name; everyone sees the numbers.</p>
        <FeelingsNow priority={props.priority} />
      </Show>
    </section>
  );
}
