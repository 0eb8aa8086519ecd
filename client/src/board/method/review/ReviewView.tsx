/**
 * The review (issue 16): per priority area, what changed — actions done, the before-and-after
 * note, and how the moments felt at the start beside how they feel now — and a summary a
 * facilitator can show at the celebration event. Shown at `?view=review` (method-views.ts).
 * (A first stand-in, filled in next.)
 */
export function ReviewView() {
  return <p>The review is being built.</p>;
}
