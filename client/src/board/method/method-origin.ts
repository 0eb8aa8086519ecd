/**
 * The transaction origin of this person's changes to the method: the phase and the priority areas.
 * Not `localOrigin`, on purpose: Undo does not take them back. A phase move is asked about first
 * and can be moved back, and an area's funnel is its history: "Bring back" and the other moves
 * add to it rather than wiping a step out.
 */
export const methodOrigin: object = Object.freeze({ name: 'common-ground-method' });
