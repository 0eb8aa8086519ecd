/**
 * A raised hand drawn as a small picture (issue 15), in the text's own colour so it shows in high
 * contrast and forced colours; never the only sign — words always go with it ("Sam, hand raised"
 * for screen readers, "Raise my hand" on the button). An SVG rather than the ✋ emoji, which some
 * devices draw as an empty box.
 */
import './hands.css';

/** The picture alone, hidden from screen readers (the words beside it say it). */
export function HandIcon() {
  return (
    <svg class="hand-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
      <g fill="currentColor">
        <rect x="6.5" y="4" width="2.6" height="11" rx="1.3" />
        <rect x="9.7" y="2" width="2.6" height="12" rx="1.3" />
        <rect x="12.9" y="3" width="2.6" height="11" rx="1.3" />
        <rect x="16.1" y="5.5" width="2.6" height="9" rx="1.3" />
        <rect x="6.5" y="11" width="12.2" height="11" rx="4.5" />
        <rect x="3" y="10.5" width="2.6" height="8" rx="1.3" transform="rotate(-35 4.3 14.5)" />
      </g>
    </svg>
  );
}

/** Beside a name in "Who is here": the picture, and ", hand raised" for screen readers. */
export function HandMark() {
  return (
    <span class="hand-mark">
      <HandIcon />
      <span class="visually-hidden">, hand raised</span>
    </span>
  );
}
