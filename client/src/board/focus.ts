/**
 * Where people are working: each person's awareness `focus` is the id of the touchpoint (or stage)
 * they are on. Cards show a ring in the colour of whoever is there, and anyone may follow a person,
 * which brings the card that person is on into view.
 */
import { createEffect, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import type { Awareness } from 'y-protocols/awareness';
import type { Presence } from './presence.ts';

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
 * Follows the awareness states: for each item id, the other people on it, with the name and colour
 * "Who is here" shows them by (`presence`). Call inside a component. Remote focus changes arrive
 * with every presence renewal, so this only publishes a new map when something visible changed.
 */
export function createFocusIndex(awareness: Awareness, presence: Presence): Accessor<ReadonlyMap<string, readonly FocusedPerson[]>> {
  const read = () => {
    const index = new Map<string, FocusedPerson[]>();
    for (const [key, state] of awareness.getStates()) {
      const focus = state['focus'];
      const person = presence.personOf(key);
      if (typeof focus !== 'string' || person === undefined || person.isYou) continue;
      const people = index.get(focus) ?? [];
      // One person in two tabs on one card is there once.
      if (!people.some((other) => other.key === person.key)) people.push({ key: person.key, name: person.name, color: person.color });
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
  // A newcomer's name or colour can change others' ("Sam" becomes "Sam J."): follow "Who is here" too.
  createEffect(on(presence.people, onChange, { defer: true }));
  return index;
}

/** The item a followed person is on, or null. */
export function focusOf(awareness: Awareness, key: number): string | null {
  const focus = awareness.getStates().get(key)?.['focus'];
  return typeof focus === 'string' ? focus : null;
}
