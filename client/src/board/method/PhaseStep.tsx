/**
 * The board's step in the method, near the top for everyone (issue 16): "Step 2 of 5: Sharing
 * experiences" as a heading, "What happens now" opening in place (a paragraph about this step and
 * the five steps with this one marked), and a link to the part of the board this step is about
 * ("Go to the priorities"). The facilitator moves the board on or back a step; each move is asked
 * about first, in words, and everyone hears the new step (method-data.ts says it on every page).
 */
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import { boardTypes, phases, type Phase } from '../../../../shared/board-document.ts';
import { useBoard } from '../board-context.ts';
import { useMethod } from './method-context.ts';
import { methodOrigin } from './method-origin.ts';
import type { MethodView } from './method-views.ts';
import { confirmWords, goToWords, moveWords, phaseBeside, phaseStep, phaseWords, whatHappensNow } from './phase-guide.ts';
import './method.css';

export function PhaseStep() {
  const board = useBoard();
  const method = useMethod();
  const id = createUniqueId();
  const [open, setOpen] = createSignal(false);
  /** The step the facilitator is being asked about, and which button asked. */
  const [asking, setAsking] = createSignal<{ to: Phase; by: -1 | 1 } | null>(null);
  const before = () => phaseBeside(method.phase(), -1);
  const after = () => phaseBeside(method.phase(), 1);

  /** Where this step's tools are: the map, the priorities, the first agreed area's plan, or the review. */
  const goTo = (): MethodView => {
    switch (method.phase()) {
      case 'joint-event':
        return { kind: 'priorities' };
      case 'co-design': {
        const area = method.priorities.find((p) => p.step === 'agreed') ?? method.priorities.find((p) => p.step === 'shortlisted');
        return area === undefined ? { kind: 'priorities' } : { kind: 'area', id: area.id };
      }
      case 'review':
        return { kind: 'review' };
      default:
        return { kind: 'map' };
    }
  };

  const ask = (by: -1 | 1) => {
    const to = phaseBeside(method.phase(), by);
    if (to !== null) setAsking({ to, by });
  };
  const answer = (yes: boolean) => {
    const question = asking();
    setAsking(null);
    if (question === null) return;
    if (yes) board.doc.transact(() => boardTypes(board.doc).meta.set('phase', question.to), methodOrigin);
    requestAnimationFrame(() => document.getElementById(yes ? `${id}-heading` : `${id}-${question.by === 1 ? 'on' : 'back'}`)?.focus());
  };

  return (
    <section class="phase-step" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} class="phase-step__heading" tabIndex={-1}>
        {phaseStep(method.phase())}
      </h2>
      <div class="button-row">
        <button
          type="button"
          class="button button--secondary"
          aria-expanded={open() ? 'true' : 'false'}
          aria-controls={`${id}-guide`}
          onClick={() => setOpen(!open())}
        >
          What happens now
        </button>
        <Show when={!method.showing(goTo())}>
          <a class="button button--secondary phase-step__go" href={method.href(goTo())}>
            {goToWords[method.phase()]}
          </a>
        </Show>
      </div>
      <div id={`${id}-guide`}>
        <Show when={open()}>
          <div class="phase-step__guide">
            <p>{whatHappensNow[method.phase()]}</p>
            <h3 class="phase-step__all">The five steps</h3>
            <ol class="phase-step__steps">
              <For each={phases}>
                {(phase) => (
                  <li aria-current={phase === method.phase() ? 'step' : undefined}>
                    {phaseWords[phase]}
                    <Show when={phase === method.phase()}>
                      <strong> (this step now)</strong>
                    </Show>
                  </li>
                )}
              </For>
            </ol>
          </div>
        </Show>
      </div>
      <Show when={board.canFacilitate() && asking() === null}>
        <div class="button-row phase-step__moves">
          <Show when={before()}>
            {(to) => (
              <button type="button" class="button button--secondary" id={`${id}-back`} onClick={() => ask(-1)}>
                {moveWords(to(), -1)}
              </button>
            )}
          </Show>
          <Show when={after()}>
            {(to) => (
              <button type="button" class="button" id={`${id}-on`} onClick={() => ask(1)}>
                {moveWords(to(), 1)}
              </button>
            )}
          </Show>
        </div>
      </Show>
      <Show when={board.canFacilitate() && asking()}>
        {(question) => (
          <div
            class="confirm phase-step__confirm"
            role="group"
            aria-labelledby={`${id}-question`}
            aria-describedby={`${id}-detail`}
            onKeyDown={(event) => event.key === 'Escape' && answer(false)}
          >
            <p class="confirm__question" id={`${id}-question`}>
              {confirmWords(question().to).question}
            </p>
            <p id={`${id}-detail`}>{confirmWords(question().to).detail}</p>
            <div class="button-row">
              <button type="button" class="button" ref={(button) => requestAnimationFrame(() => button.focus())} onClick={() => answer(true)}>
                {confirmWords(question().to).yes}
              </button>
              <button type="button" class="button button--secondary" onClick={() => answer(false)}>
                {confirmWords(question().to).no}
              </button>
            </div>
          </div>
        )}
      </Show>
    </section>
  );
}
