/**
 * Where people are working: each person's awareness `focus` is the id of the touchpoint (or stage)
 * they are on. Cards show a ring in the colour of whoever is there, and anyone may follow a person,
 * which brings the card that person is on into view.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type { Awareness } from 'y-protocols/awareness';
import { firstName } from './presence.ts';

/** Someone else working on an item. */
export interface FocusedPerson {
  key: number;
  name: string;
  color: string;
}

/** Tells the others which item this person is on (null: none). */
export function setFocus(awareness: Awareness, itemId: string | null): void {
  if ((awareness.getLocalState()?.['focus'] ?? null) !== itemId) awareness.setLocalStateField('focus', itemId);
}

/**
 * Follows the awareness states: for each item id, the other people on it. Call inside a component.
 * Remote focus changes arrive with every presence renewal, so this only publishes a new map when
 * something visible changed.
 */
export function createFocusIndex(awareness: Awareness): Accessor<ReadonlyMap<string, readonly FocusedPerson[]>> {
  const read = () => {
    const index = new Map<string, FocusedPerson[]>();
    for (const [key, state] of awareness.getStates()) {
      if (key === awareness.clientID) continue;
      const focus = state['focus'];
      const user = state['user'] as { name?: unknown; color?: unknown } | undefined;
      if (typeof focus !== 'string' || typeof user?.name !== 'string') continue;
      const color = typeof user.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(user.color) ? user.color : '#595959';
      const people = index.get(focus) ?? [];
      people.push({ key, name: firstName(user.name), color });
      index.set(focus, people);
    }
    return index;
  };
  const signature = (index: Map<string, FocusedPerson[]>) =>
    JSON.stringify([...index].sort(([a], [b]) => (a < b ? -1 : 1)));
  let last = read();
  let lastSignature = signature(last);
  const [index, setIndex] = createSignal<ReadonlyMap<string, readonly FocusedPerson[]>>(last);
  const onChange = () => {
    const next = read();
    const nextSignature = signature(next);
    if (nextSignature === lastSignature) return;
    last = next;
    lastSignature = nextSignature;
    setIndex(last);
  };
  awareness.on('change', onChange);
  onCleanup(() => awareness.off('change', onChange));
  return index;
}

/** The item a followed person is on, or null. */
export function focusOf(awareness: Awareness, key: number): string | null {
  const focus = awareness.getStates().get(key)?.['focus'];
  return typeof focus === 'string' ? focus : null;
}
