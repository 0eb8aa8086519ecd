/**
 * One priority area's co-design workspace (issue 16): who is in its group, the touchpoints it was
 * made from with their curve, the group's ideas, and its action plan. Shown by the board's method
 * views (method-views.ts) at `?view=area&area=<id>`. (A first stand-in, filled in next.)
 */
export function AreaWorkspace(props: { priorityId: string }) {
  return <p data-area={props.priorityId}>This priority area's workspace is being built.</p>;
}
