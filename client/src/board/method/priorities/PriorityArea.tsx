/**
 * One priority area in the funnel (issue 16), for everyone: its name, why it matters, the moments
 * it was made from (PriorityMoments), its way through the funnel in words ("Considered 3 March,
 * shortlisted 10 March by Sam."), its co-design group by first name, and a link to its workspace.
 * The facilitator also gets the moves that apply where it is ("Put on the shortlist", "Agree this
 * one", "Set aside", "Bring back" …, each named with the area) and "Choose the group". A move is
 * recorded with who and when (shared/method.ts movePriority); the area then sits in another list,
 * so focus follows it to its heading there and the move is said.
 */
import { For, Show, type Accessor } from 'solid-js';
import type { JourneyRow } from '../../../../../shared/journey.ts';
import { movePriority, type Priority } from '../../../../../shared/method.ts';
import { useBoard } from '../../board-context.ts';
import { useMethod } from '../method-context.ts';
import { methodOrigin } from '../method-origin.ts';
import { areaName } from '../MethodNav.tsx';
import { PriorityMoments } from './PriorityMoments.tsx';
import type { BoardMembers } from './board-members.ts';
import { choicesFor, historyWords, movedWords } from './funnel-words.ts';
import { GroupChooser } from './GroupChooser.tsx';
import { groupWords } from './group-words.ts';
import { areaHeadingId } from './PriorityForm.tsx';

export function PriorityArea(props: { priority: Priority; moments: Accessor<ReadonlyMap<string, JourneyRow>>; members: BoardMembers }) {
  const board = useBoard();
  const method = useMethod();
  const name = () => areaName(props.priority);
  const move = (to: Priority['step']) => {
    movePriority(board.doc, props.priority.id, to, board.userId, Date.now(), methodOrigin);
    const there = method.priorities.filter((priority) => priority.step === to).length;
    board.announcer.say(movedWords(name(), to, there));
    requestAnimationFrame(() => document.getElementById(areaHeadingId(props.priority.id))?.focus());
  };
  return (
    <li class="priority-area">
      <h4 class="priority-area__title" id={areaHeadingId(props.priority.id)} tabIndex={-1}>
        {name()}
      </h4>
      <Show when={props.priority.why.trim() !== ''}>
        <p class="priority-area__why">
          <strong>Why it matters: </strong>
          {props.priority.why}
        </p>
      </Show>
      <p class="priority-area__label">Made from these moments:</p>
      <PriorityMoments touchpointIds={props.priority.touchpointIds} index={props.moments} />
      <Show when={historyWords(props.priority.funnel, board.names.who)}>{(words) => <p class="priority-area__history">{words()}</p>}</Show>
      <p class="priority-area__group">
        <strong>Co-design group: </strong>
        {groupWords(props.priority.group, board.names.who)}
      </p>
      <div class="button-row priority-area__links">
        <a class="button button--secondary" href={method.href({ kind: 'area', id: props.priority.id })} aria-label={`Open the workspace: ${name()}`}>
          Open the workspace
        </a>
      </div>
      <Show when={board.canFacilitate()}>
        <div class="button-row priority-area__moves" role="group" aria-label={`Move ‘${name()}’`}>
          <For each={choicesFor(props.priority)}>
            {(choice) => (
              <button type="button" class="button button--secondary" aria-label={`${choice.words}: ${name()}`} onClick={() => move(choice.to)}>
                {choice.words}
              </button>
            )}
          </For>
        </div>
        <GroupChooser priority={props.priority} members={props.members} />
      </Show>
    </li>
  );
}
