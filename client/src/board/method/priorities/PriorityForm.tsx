/**
 * "Make a priority area", for the facilitator only (issue 16; the server's guard refuses it from
 * anyone else): a name in plain words, why it matters, and the moments it is about — a checklist
 * of the map's touchpoints stage by stage, each with its dots from the last vote shown and a short
 * summary of how people felt. Opens in place; a missing name or no moment chosen is said in words
 * beside the field, and focus goes to it. The new area joins the end of the list (fractional
 * index, as cards do) as "being considered", and focus goes to it.
 */
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import { methodTypes, newPriority } from '../../../../../shared/method.ts';
import { methodNoteMaxLength, priorityTitleMaxLength } from '../../../../../shared/limits.ts';
import { plainText } from '../../plain-text.ts';
import { FormAlert } from '../../../components/FormAlert.tsx';
import { useBoard } from '../../board-context.ts';
import { keyAtEnd } from '../../ordering.ts';
import { randomId } from '../../random-id.ts';
import { useMethod } from '../method-context.ts';
import { methodOrigin } from '../method-origin.ts';
import { MomentTitle } from './PriorityMoments.tsx';
import { dotWords, feelingWords } from './moment-words.ts';

/** The id of an area's heading, where focus goes after it is made or moved. */
export const areaHeadingId = (priorityId: string): string => `priority-${priorityId}`;

export function PriorityForm() {
  const board = useBoard();
  const method = useMethod();
  const id = createUniqueId();
  const [open, setOpen] = createSignal(false);
  const [chosen, setChosen] = createSignal<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = createSignal<{ field: 'title' | 'moments'; words: string } | null>(null);
  let titleBox: HTMLInputElement | undefined;
  let whyBox: HTMLTextAreaElement | undefined;
  let firstMoment: HTMLInputElement | undefined;

  const close = () => {
    setOpen(false);
    setChosen(new Set<string>());
    setProblem(null);
    requestAnimationFrame(() => document.getElementById(`${id}-open`)?.focus());
  };
  const toggle = (touchpointId: string, on: boolean) => {
    const next = new Set(chosen());
    if (on) next.add(touchpointId);
    else next.delete(touchpointId);
    setChosen(next);
    if (on && problem()?.field === 'moments') setProblem(null);
  };
  const make = () => {
    const title = plainText(titleBox?.value ?? '').trim();
    // In journey order, as the checklist shows them.
    const touchpointIds = board.curve.rows.map((row) => row.touchpointId).filter((touchpointId) => chosen().has(touchpointId));
    if (title === '') {
      setProblem({ field: 'title', words: 'Please give the priority area a name.' });
      return titleBox?.focus();
    }
    if (touchpointIds.length === 0) {
      setProblem({ field: 'moments', words: 'Please choose at least one moment it is about.' });
      return firstMoment?.focus();
    }
    const priorityId = randomId();
    const order = keyAtEnd(method.priorities.map((priority) => ({ id: priority.id, order: priority.order })));
    const why = plainText(whyBox?.value ?? '').trim();
    board.doc.transact(
      () => methodTypes(board.doc).priorities.set(priorityId, newPriority({ id: priorityId, title, why, touchpointIds, order, createdBy: board.userId, createdAt: Date.now() })),
      methodOrigin,
    );
    setOpen(false);
    setChosen(new Set<string>());
    setProblem(null);
    board.announcer.say(`Priority area ‘${title}’ made. It is being considered.`);
    requestAnimationFrame(() => document.getElementById(areaHeadingId(priorityId))?.focus());
  };

  return (
    <div class="priority-form">
      <Show
        when={open()}
        fallback={
          <button
            type="button"
            class="button"
            id={`${id}-open`}
            onClick={() => {
              // The form is drawn as the signal changes, so its name box takes focus before the next key.
              setOpen(true);
              titleBox?.focus();
            }}
          >
            Make a priority area
          </button>
        }
      >
        <form
          class="priority-form__box"
          aria-labelledby={`${id}-heading`}
          novalidate
          onSubmit={(event) => {
            event.preventDefault();
            make();
          }}
          onKeyDown={(event) => event.key === 'Escape' && close()}
        >
          <h3 id={`${id}-heading`} class="priority-form__heading">
            Make a priority area
          </h3>
          <FormAlert id={`${id}-alert`} error={problem()?.words ?? null} />
          <div class="field">
            <label for={`${id}-title`}>Name of the priority area</label>
            <p class="hint" id={`${id}-title-hint`}>
              In a few plain words, for example “Knowing what happens next”.
            </p>
            <input
              id={`${id}-title`}
              type="text"
              autocomplete="off"
              maxLength={priorityTitleMaxLength}
              ref={(box) => (titleBox = box)}
              aria-describedby={`${id}-title-hint ${id}-alert`}
              aria-invalid={problem()?.field === 'title' ? 'true' : undefined}
              onInput={() => problem()?.field === 'title' && setProblem(null)}
            />
          </div>
          <div class="field">
            <label for={`${id}-why`}>Why it matters</label>
            <p class="hint" id={`${id}-why-hint`}>
              If you like: what people said, and why it matters to them.
            </p>
            <textarea id={`${id}-why`} rows={3} maxLength={methodNoteMaxLength} ref={(box) => (whyBox = box)} aria-describedby={`${id}-why-hint`} />
          </div>
          <fieldset class="priority-form__moments" aria-describedby={`${id}-moments-hint ${id}-alert`}>
            <legend>Which moments is it about?</legend>
            <p class="hint" id={`${id}-moments-hint`}>
              Choose one or more.{method.dots().size > 0 ? ' Dots are from the last vote shown.' : ''}
            </p>
            <Show when={board.curve.rows.length > 0} fallback={<p>There are no moments on the journey map yet. Add them there first.</p>}>
              <For each={board.curve.spans}>
                {(span, spanIndex) => (
                  <fieldset class="priority-form__stage">
                    <legend>{span.stageTitle.trim() || 'Untitled stage'}</legend>
                    <ul class="priority-form__list">
                      <For each={board.curve.rows.slice(span.start, span.start + span.count)}>
                        {(row, rowIndex) => (
                          <li class="checkbox priority-form__moment">
                            <input
                              type="checkbox"
                              id={`${id}-tp-${row.touchpointId}`}
                              checked={chosen().has(row.touchpointId)}
                              aria-describedby={`${id}-tp-${row.touchpointId}-about`}
                              ref={(box) => {
                                if (spanIndex() === 0 && rowIndex() === 0) firstMoment = box;
                              }}
                              onChange={(event) => toggle(row.touchpointId, event.currentTarget.checked)}
                            />
                            <span class="priority-form__words">
                              <label for={`${id}-tp-${row.touchpointId}`}>
                                <MomentTitle id={row.touchpointId} />
                              </label>
                              <span class="priority-form__about" id={`${id}-tp-${row.touchpointId}-about`}>
                                {[dotWords(method.dots(), row.touchpointId), feelingWords(row.stats, 2)].filter(Boolean).join('. ')}
                              </span>
                            </span>
                          </li>
                        )}
                      </For>
                    </ul>
                  </fieldset>
                )}
              </For>
            </Show>
          </fieldset>
          <div class="button-row">
            <button type="submit" class="button">
              Make this priority area
            </button>
            <button type="button" class="button button--secondary" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      </Show>
    </div>
  );
}
