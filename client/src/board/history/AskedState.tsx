/**
 * What the history shows while it asks the server, and when the server could not answer: a short
 * line while loading, or the server's words with "Try again" (history-data.ts).
 */
import { Show } from 'solid-js';
import type { Asked } from '../asked.ts';
import { historyWords } from './history-words.ts';

export function AskedState(props: { asked: Asked<unknown>; loading: string }) {
  return (
    <Show when={props.asked.error()} fallback={<Show when={props.asked.value() === null}>{<p class="history__loading">{props.loading}</p>}</Show>}>
      {(error) => (
        <div class="history__failed">
          <p class="notice notice--error">{error()}</p>
          <button type="button" class="button button--secondary" onClick={() => props.asked.retry()}>
            {historyWords.retry}
          </button>
        </div>
      )}
    </Show>
  );
}
