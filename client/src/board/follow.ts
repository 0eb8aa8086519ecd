/**
 * Following a person: while on, the card they are working on is scrolled into view whenever they
 * move (focus stays where it is, so following never takes the keyboard away from anyone).
 */
import { createEffect, on, onCleanup, type Accessor } from 'solid-js';
import type { Awareness } from 'y-protocols/awareness';
import type { Announcer } from './announcer.ts';
import { focusOf } from './focus.ts';

export function followFocus(
  awareness: Awareness,
  following: Accessor<number | null>,
  stop: (key: null) => void,
  announcer: Announcer,
): void {
  let shown: string | null = null;
  const onChange = () => {
    const key = following();
    if (key === null) {
      shown = null;
      return;
    }
    if (!awareness.getStates().has(key)) {
      stop(null);
      announcer.say('The person you were following has left the board.');
      return;
    }
    const item = focusOf(awareness, key);
    if (item === null || item === shown) return;
    shown = item;
    const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
    document
      .querySelector(`[data-touchpoint-id="${CSS.escape(item)}"]`)
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
  };
  awareness.on('change', onChange);
  onCleanup(() => awareness.off('change', onChange));
  // Starting to follow shows where the person is at once.
  createEffect(on(following, onChange, { defer: true }));
}
