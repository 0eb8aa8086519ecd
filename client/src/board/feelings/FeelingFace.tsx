/**
 * A simple drawn face for a feeling score, so the scale reads without colour or words (the word
 * next to it is the label; the face is decorative). At 31 px the two ends must not be mistaken
 * for their neighbours, so they differ in shape, not only in how far the mouth bends:
 * - −2 "Very bad": worried eyebrows and a wide open, downturned mouth (filled);
 * - −1 "Bad": plain eyes and a small frown (a line);
 * -  0 "Okay": plain eyes and a straight mouth;
 * - +1 "Good": plain eyes and a small smile (a line);
 * - +2 "Very good": eyes closed in a smile (arches) and a wide open grin (filled).
 */
import { Show } from 'solid-js';
import type { FeelingScore } from '../../../../shared/board-document.ts';

export function FeelingFace(props: { score: FeelingScore; class?: string }) {
  // The middle three: a mouth line from (8,16) to (16,16), pulled up or down by the score.
  const mouthLine = () => `M8 ${16 - props.score * 0.5} Q12 ${16 + props.score * 2.2} 16 ${16 - props.score * 0.5}`;
  return (
    <svg class={props.class ?? 'feeling-face'} viewBox="0 0 24 24" aria-hidden="true" data-score={props.score}>
      <circle cx="12" cy="12" r="10.5" fill="none" stroke="currentColor" stroke-width="1.6" />
      <Show
        when={props.score === 2}
        fallback={
          <g class="feeling-face__eyes" fill="currentColor">
            <circle cx="8.5" cy={props.score === -2 ? 10.2 : 9.5} r="1.3" />
            <circle cx="15.5" cy={props.score === -2 ? 10.2 : 9.5} r="1.3" />
          </g>
        }
      >
        <path class="feeling-face__eyes" d="M6.6 10.2 Q8.5 7 10.4 10.2 M13.6 10.2 Q15.5 7 17.4 10.2" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
      </Show>
      <Show when={props.score === -2}>
        <path class="feeling-face__brows" d="M5.8 7.4 L10 5.6 M18.2 7.4 L14 5.6" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
      </Show>
      <Show
        when={props.score === 2 || props.score === -2}
        fallback={<path class="feeling-face__mouth" d={mouthLine()} fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />}
      >
        <path
          class="feeling-face__mouth"
          d={props.score === 2 ? 'M6.8 13.6 Q12 21.4 17.2 13.6 Z' : 'M7.4 18.6 Q12 12 16.6 18.6 Z'}
          fill="currentColor"
          stroke="currentColor"
          stroke-width="1.2"
          stroke-linejoin="round"
        />
      </Show>
    </svg>
  );
}
