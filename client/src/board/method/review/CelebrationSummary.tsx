/**
 * The review's summary for the celebration event (issue 16): one priority area at a time in big
 * text — what was done, the before-and-after note, and each moment's feeling at the start and
 * now — with "Back" and "Next" (and the arrow keys) to move through them and "Close the summary".
 * Focus goes to each area's heading as it shows, so a screen reader says where it is.
 */
import { createSignal, createUniqueId, For, onCleanup, onMount, Show } from 'solid-js';
import type { Action, Priority } from '../../../../../shared/method.ts';
import { focusSoon, useBoard } from '../../board-context.ts';
import { touchpointName } from '../../../../../shared/curve-words.ts';
import { boardTypes } from '../../../../../shared/board-document.ts';
import { createTextField } from '../../y-text-signal.ts';
import { ownerWords } from '../area/action-words.ts';
import { createAreaCurve } from '../area/area-curve.ts';
import { feltWords } from './review-words.ts';
import type * as Y from 'yjs';

export interface CelebrationSummaryProps {
  areas: readonly Priority[];
  actionsOf: (priorityId: string) => Action[];
  onClose: () => void;
}

function Felt(props: { touchpoint: Y.Map<unknown> | undefined; before: string; after: string }) {
  const title = props.touchpoint === undefined ? () => '' : createTextField(props.touchpoint, 'title');
  return (
    <li>
      <strong>{touchpointName(title())}:</strong> at the start {props.before.toLowerCase()}; now {props.after.toLowerCase()}.
    </li>
  );
}

function Slide(props: { area: Priority; actions: Action[]; headingId: string; place: string }) {
  const board = useBoard();
  const ids = () => props.area.touchpointIds;
  const before = createAreaCurve(board.doc, ids, 'feelings');
  const after = createAreaCurve(board.doc, ids, 'feelingsAfter');
  const done = () => props.actions.filter((action) => action.status === 'done');
  const { touchpoints } = boardTypes(board.doc);
  return (
    <>
      <p class="summary__place">{props.place}</p>
      <h3 class="summary__title" id={props.headingId} tabindex="-1">
        {props.area.title.trim() || 'Untitled priority area'}
      </h3>
      <h4>What we did</h4>
      <Show when={done().length > 0} fallback={<p>No actions are marked done yet.</p>}>
        <ul>
          <For each={done()}>
            {(action) => (
              <li>
                {action.what.trim()} <span class="summary__who">({ownerWords(action.owner, board.names.who)})</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.area.beforeAfter.trim() !== ''}>
        <h4>Before and after</h4>
        <p class="summary__note">{props.area.beforeAfter}</p>
      </Show>
      <Show when={before.rows.length > 0}>
        <h4>How it felt, and how it feels now</h4>
        <ul>
          <For each={before.rows}>
            {(row) => (
              <Felt
                touchpoint={touchpoints.get(row.touchpointId)}
                before={feltWords(row.stats)}
                after={feltWords(after.rows.find((other) => other.touchpointId === row.touchpointId)?.stats ?? { ...row.stats, count: 0 })}
              />
            )}
          </For>
        </ul>
      </Show>
    </>
  );
}

export function CelebrationSummary(props: CelebrationSummaryProps) {
  const id = createUniqueId();
  const headingId = `${id}-slide`;
  const [index, setIndex] = createSignal(0);
  const count = () => props.areas.length;
  const at = () => Math.min(index(), Math.max(0, count() - 1));
  const go = (step: number) => {
    const next = at() + step;
    if (next < 0 || next >= count()) return;
    setIndex(next);
    focusSoon(headingId);
  };
  focusSoon(headingId, `${id}-close`);
  let box!: HTMLElement;
  // On the document, not the section: a new slide's title takes focus a frame after it is drawn,
  // and an arrow pressed in that frame lands on the page's body. Keys in the summary, or with
  // focus nowhere, move it; keys in any other control on the page are theirs.
  const onKey = (event: KeyboardEvent) => {
    const target = event.target instanceof HTMLElement ? event.target : null;
    if (target !== null && target !== document.body && !box.contains(target)) return;
    if (target?.closest('button') != null && (event.key === 'Enter' || event.key === ' ')) return;
    if (event.key === 'ArrowRight') go(1);
    else if (event.key === 'ArrowLeft') go(-1);
    else if (event.key === 'Escape') props.onClose();
  };
  onMount(() => document.addEventListener('keydown', onKey));
  onCleanup(() => document.removeEventListener('keydown', onKey));
  return (
    <section class="summary" aria-labelledby={`${id}-heading`} ref={box}>
      <h2 id={`${id}-heading`} class="visually-hidden">
        Summary for the celebration
      </h2>
      <Show when={props.areas[at()]} keyed fallback={<p>There are no priority areas to show yet.</p>}>
        {(area) => <Slide area={area} actions={props.actionsOf(area.id)} headingId={headingId} place={`Priority area ${at() + 1} of ${count()}`} />}
      </Show>
      <div class="button-row summary__buttons">
        <Show when={at() > 0}>
          <button type="button" class="button button--secondary" onClick={() => go(-1)}>
            Back
          </button>
        </Show>
        <Show when={at() < count() - 1}>
          <button type="button" class="button" onClick={() => go(1)}>
            Next
          </button>
        </Show>
        <button type="button" class="button button--secondary" id={`${id}-close`} onClick={() => props.onClose()}>
          Close the summary
        </button>
      </div>
    </section>
  );
}
