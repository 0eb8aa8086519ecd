/**
 * "Session" in the board's toolbar, for facilitators only (issue 15): it opens in place (a
 * disclosure, like Download PDF) the controls to run a live session — the timer (minutes, 5 unless
 * changed, 1 to 120; Start timer; Pause or Carry on; Add a minute; Stop timer) and "Pause changes
 * to the map" or "Let people change the map again"; and dot voting (vote/VoteControls.tsx, with
 * its own requests and refusals). Each asks the server (session-requests.ts);
 * what changed shows for everyone from the document, and a refusal is shown in the API's own
 * words. Buttons keep their place and change their words, so focus stays where the person is;
 * Escape or Close shuts it with focus back on the toolbar's button.
 */
import { createSignal, createUniqueId, Show } from 'solid-js';
import { useApp } from '../../app-context.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useLiveSession } from './session-context.ts';
import { createSessionRequests } from './session-requests.ts';
import { VoteControls } from './vote/VoteControls.tsx';
import './session.css';

/** The toolbar's "Session" button (focus comes back to it). */
export const sessionButtonId = 'session-button';

export function SessionPanel(props: { boardId: string }) {
  const { api } = useApp();
  const session = useLiveSession();
  const requests = createSessionRequests(api, props.boardId, session.clock);
  const id = createUniqueId();
  const [open, setOpen] = createSignal(false);
  const [minutes, setMinutes] = createSignal('5');
  const close = () => {
    setOpen(false);
    document.getElementById(sessionButtonId)?.focus();
  };
  const timerPaused = () => session.timer()?.status === 'paused';
  const noTimer = () => session.timer() === null;
  const minutesWrong = () => requests.last() === 'start-timer' && requests.error() !== null;
  const start = () => {
    const typed = minutes().trim();
    // Anything not a number is NaN, which JSON sends as null: the server says what it needs.
    requests.send({ action: 'start-timer', minutes: typed === '' ? Number.NaN : Number(typed) });
  };
  return (
    <div class="session-panel">
      <button
        type="button"
        class="button button--secondary"
        id={sessionButtonId}
        aria-expanded={open() ? 'true' : 'false'}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen(!open())}
      >
        Session
      </button>
      <div id={`${id}-panel`} class="session-panel__panel" onKeyDown={(event) => event.key === 'Escape' && open() && close()}>
        <Show when={open()}>
          <section class="session-panel__box" aria-labelledby={`${id}-heading`}>
            <h2 id={`${id}-heading`} class="session-panel__heading">
              Run the session
            </h2>
            <h3 class="session-panel__part">Timer</h3>
            <form
              novalidate
              onSubmit={(event) => {
                event.preventDefault();
                start();
              }}
            >
              <label for={`${id}-minutes`}>Minutes</label>
              <p class="hint" id={`${id}-minutes-hint`}>
                From 1 to 120. Everyone sees the time left.
              </p>
              <div class="session-panel__start">
                <input
                  type="text"
                  inputmode="numeric"
                  autocomplete="off"
                  class="session-panel__minutes"
                  id={`${id}-minutes`}
                  value={minutes()}
                  aria-describedby={`${id}-minutes-hint ${id}-alert`}
                  aria-invalid={minutesWrong() ? 'true' : undefined}
                  onInput={(event) => setMinutes(event.currentTarget.value)}
                />
                <button type="submit" class="button">
                  Start timer
                </button>
              </div>
            </form>
            <div class="button-row session-panel__row">
              <button
                type="button"
                class="button button--secondary"
                aria-disabled={noTimer() ? 'true' : 'false'}
                onClick={() => requests.send({ action: timerPaused() ? 'resume-timer' : 'pause-timer' })}
              >
                {timerPaused() ? 'Carry on' : 'Pause'}
                <span class="visually-hidden">{timerPaused() ? ' with the timer' : ' the timer'}</span>
              </button>
              <button type="button" class="button button--secondary" aria-disabled={noTimer() ? 'true' : 'false'} onClick={() => requests.send({ action: 'add-minute' })}>
                Add a minute
              </button>
              <button type="button" class="button button--secondary" aria-disabled={noTimer() ? 'true' : 'false'} onClick={() => requests.send({ action: 'stop-timer' })}>
                Stop timer
              </button>
            </div>
            <h3 class="session-panel__part">Changes to the map</h3>
            <p class="hint" id={`${id}-pause-hint`}>
              {session.paused() !== null
                ? 'Paused: only facilitators can change the stages and cards. Everyone can still say how they feel and comment.'
                : 'While you talk, you can pause changes to the stages and cards. People can still say how they feel and comment.'}
            </p>
            <div class="button-row session-panel__row">
              <button
                type="button"
                class="button button--secondary"
                aria-describedby={`${id}-pause-hint`}
                onClick={() => requests.send({ action: session.paused() !== null ? 'resume-editing' : 'pause-editing' })}
              >
                {session.paused() !== null ? 'Let people change the map again' : 'Pause changes to the map'}
              </button>
            </div>
            <FormAlert id={`${id}-alert`} error={requests.error()} />
            <VoteControls />
            <div class="button-row">
              <button type="button" class="button button--secondary" onClick={close}>
                Close<span class="visually-hidden"> session controls</span>
              </button>
            </div>
          </section>
        </Show>
      </div>
    </div>
  );
}
