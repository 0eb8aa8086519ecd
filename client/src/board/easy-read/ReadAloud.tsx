/**
 * "Read this to me" (issue 17): reads the moment shown aloud with the browser's speech synthesis,
 * only when pressed, and becomes "Stop reading" while it speaks. Not shown at all where the
 * browser cannot speak, so there is never a button that does nothing.
 */
import { Show } from 'solid-js';
import type { Reader } from './speech.ts';
import { canSpeak } from './speech.ts';

export function ReadAloud(props: { reader: Reader; text: () => string }) {
  return (
    <Show when={canSpeak()}>
      <button
        type="button"
        class="button button--secondary easy-moment__read"
        onClick={() => (props.reader.speaking() ? props.reader.stop() : props.reader.read(props.text()))}
      >
        <span class="easy-moment__read-mark" aria-hidden="true">
          {props.reader.speaking() ? '■' : '▶'}
        </span>
        {props.reader.speaking() ? 'Stop reading' : 'Read this to me'}
      </button>
    </Show>
  );
}
