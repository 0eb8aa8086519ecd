/**
 * One "Put back … as it was" (issue 17): a button that opens a plain question in place, saying
 * what will happen (what goes back, that everyone sees it, that feelings and comments stay, and
 * that anything added since goes to Recently deleted), with "Yes, put it back" and "Keep it as it
 * is now". Putting back is a request to the server, which writes it into the live document as a
 * new change; a refusal (the stage is not on the board now, no permission, offline) is said in
 * words and nothing changes. Focus goes to the question on opening and back to the button on
 * Escape or "Keep it as it is now".
 */
import { createSignal, createUniqueId, Show } from 'solid-js';
import type { RestoreRequest } from '../../../../shared/history.ts';
import { ApiError } from '../../api.ts';
import { useApp } from '../../app-context.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { historyWords, restoredWords, restoreFailureWords, restoreWords } from './history-words.ts';

export interface RestoreControlProps {
  boardId: string;
  versionId: string;
  request: RestoreRequest;
  /** The moment's or stage's name in the version ('' for the whole board). */
  name: string;
  /** When the version was kept: "1 December at 3:40pm". */
  day: string;
  /** Put back: what to say. */
  onRestored: (words: string) => void;
}

export function RestoreControl(props: RestoreControlProps) {
  const { api } = useApp();
  const id = createUniqueId();
  const words = () => restoreWords(props.request.what, props.name, props.day);
  const [open, setOpen] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  let opener: HTMLButtonElement | undefined;

  const close = () => {
    setOpen(false);
    setError(null);
    requestAnimationFrame(() => opener?.focus());
  };

  const restore = async () => {
    if (busy()) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.restoreFromHistory(props.boardId, props.versionId, props.request);
      setOpen(false);
      props.onRestored(restoredWords(props.request.what, props.name, result));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(restoreFailureWords(err));
    } finally {
      setBusy(false);
    }
  };

  const label = () => (props.request.what === 'board' ? words().button : `${words().button}: ${props.name.trim() || (props.request.what === 'stage' ? 'Untitled stage' : 'Untitled touchpoint')}`);

  return (
    <div class="history__restore">
      <Show
        when={open()}
        fallback={
          <button ref={opener} type="button" class="button button--secondary" aria-label={label()} onClick={() => setOpen(true)}>
            {words().button}
          </button>
        }
      >
        <div
          ref={(group) => requestAnimationFrame(() => group.focus())}
          class="confirm history__confirm"
          role="group"
          tabIndex={-1}
          aria-labelledby={`${id}-question`}
          aria-describedby={`${id}-detail`}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              close();
            }
          }}
        >
          <p class="confirm__question" id={`${id}-question`}>
            {words().question}
          </p>
          <p id={`${id}-detail`}>{words().detail}</p>
          <FormAlert id={`${id}-error`} error={error()} />
          <div class="button-row">
            <button
              type="button"
              class="button"
              aria-disabled={busy() ? 'true' : undefined}
              aria-describedby={`${id}-error`}
              onClick={() => void restore()}
            >
              {historyWords.yes}
            </button>
            <button type="button" class="button button--secondary" onClick={close}>
              {historyWords.no}
            </button>
          </div>
        </div>
      </Show>
    </div>
  );
}
