/**
 * The priorities (issue 16; `?view=priorities`): the priority areas made from the map's moments,
 * in the four lists of the funnel — "Being considered", "On the shortlist (aim for 4 or 5)",
 * "Agreed (aim for 3 or 4)" and "Set aside" — each saying how many it holds, and over its aim the
 * aim too. The facilitator makes areas here (PriorityForm), moves them between the lists and
 * chooses their groups (PriorityArea); everyone else reads the same, with no controls, since the
 * server's guard lets only a facilitator change them.
 */
import { createUniqueId, ErrorBoundary, For, Show } from 'solid-js';
import { useApp } from '../../../app-context.ts';
import { useBoard } from '../../board-context.ts';
import { useMethod } from '../method-context.ts';
import { createMomentIndex } from './PriorityMoments.tsx';
import { createBoardMembers } from './board-members.ts';
import { countWords, funnelOrder, overAim, stepHeading } from './funnel-words.ts';
import { PriorityArea } from './PriorityArea.tsx';
import { PriorityForm } from './PriorityForm.tsx';
import './priorities.css';

export function PrioritiesView(props: { boardId: string }) {
  const { api } = useApp();
  const board = useBoard();
  const method = useMethod();
  const id = createUniqueId();
  const moments = createMomentIndex();
  const members = createBoardMembers(api, props.boardId);
  const inStep = (step: (typeof funnelOrder)[number]) => method.priorities.filter((priority) => priority.step === step);
  return (
    <section class="priorities" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Priorities</h2>
      <p class="priorities__intro">
        Priority areas are the few things the group chooses to work on, each made from moments on the journey map. The facilitator makes them and
        moves them along: from being considered, to a shortlist of 4 or 5, to the 3 or 4 agreed together. Nothing is lost: an area set aside can be
        brought back.
      </p>
      <ErrorBoundary fallback={<p class="notice">The priorities cannot be shown just now. Reload the page to try again.</p>}>
        <Show when={board.canFacilitate()}>
          <PriorityForm />
        </Show>
        <For each={funnelOrder}>
          {(step) => (
            <section class="funnel-step" aria-labelledby={`${id}-${step}`}>
              <h3 id={`${id}-${step}`} class="funnel-step__heading">
                {stepHeading[step]}
              </h3>
              <p class="funnel-step__count" classList={{ 'funnel-step__count--over': overAim(step, inStep(step).length) }}>
                {countWords(step, inStep(step).length)}
              </p>
              <Show when={inStep(step).length > 0}>
                <ul class="funnel-step__list" aria-labelledby={`${id}-${step}`}>
                  <For each={inStep(step)}>{(priority) => <PriorityArea priority={priority} moments={moments} members={members} />}</For>
                </ul>
              </Show>
            </section>
          )}
        </For>
      </ErrorBoundary>
    </section>
  );
}
