/**
 * Dragging stages and touchpoints with the mouse (native HTML drag and drop). An extra: every
 * move can also be made with buttons, which is what keyboard and screen reader users use.
 */

/** dataTransfer type carrying a dragged touchpoint's id. */
export const touchpointDragType = 'application/x-common-ground-touchpoint';
/** dataTransfer type carrying a dragged stage's id. */
export const stageDragType = 'application/x-common-ground-stage';

/** Starts dragging item `id` as `type`. */
export function startDrag(event: DragEvent, type: string, id: string): void {
  if (event.dataTransfer === null) return;
  event.dataTransfer.setData(type, id);
  event.dataTransfer.effectAllowed = 'move';
}

/** Whether the drag carries `type` (only the types can be read before the drop). */
export function carries(event: DragEvent, type: string): boolean {
  return event.dataTransfer?.types.includes(type) ?? false;
}

/** The dragged id of `type`, on drop ('' when none). */
export function droppedId(event: DragEvent, type: string): string {
  return event.dataTransfer?.getData(type) ?? '';
}

/**
 * Where among the cards in `list` a card dropped at `clientY` goes: the number of other cards
 * whose middle is above the pointer.
 */
export function dropIndex(list: Element | undefined, clientY: number, draggedId: string): number {
  if (list === undefined) return 0;
  let index = 0;
  for (const card of list.querySelectorAll<HTMLElement>('[data-touchpoint-id]')) {
    if (card.dataset['touchpointId'] === draggedId) continue;
    const box = card.getBoundingClientRect();
    if (box.top + box.height / 2 < clientY) index++;
  }
  return index;
}
