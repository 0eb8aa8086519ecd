/**
 * A simple drawn face for a feeling score: the mouth bends from a frown (-2) to a smile (+2), so
 * the scale reads without colour or words. Decorative: the word next to it is the label.
 */
import type { FeelingScore } from '../../../../shared/board-document.ts';

export function FeelingFace(props: { score: FeelingScore; class?: string }) {
  // Mouth from (8,16) to (16,16), pulled up or down by the score.
  const mouth = () => `M8 ${16 - props.score * 0.5} Q12 ${16 + props.score * 2.2} 16 ${16 - props.score * 0.5}`;
  return (
    <svg class={props.class ?? 'feeling-face'} viewBox="0 0 24 24" aria-hidden="true">
      <circle cx="12" cy="12" r="10.5" fill="none" stroke="currentColor" stroke-width="1.6" />
      <circle cx="8.5" cy="9.5" r="1.3" fill="currentColor" />
      <circle cx="15.5" cy="9.5" r="1.3" fill="currentColor" />
      <path d={mouth()} fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
    </svg>
  );
}
