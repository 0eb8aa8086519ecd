/**
 * Presence: who is on the board now. Like a first-name badge at a joint event, it carries a
 * name and a colour and nothing else — never a role. The server overwrites `user.name` with the
 * member's display name, so what we send is only a first guess.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type { Awareness } from 'y-protocols/awareness';
import type { User } from '../../../shared/api.ts';
import { createColorAssigner, identityColor } from './presence-colors.ts';
import { readPresentPeople, type PresentPerson } from './present-people.ts';

export { firstName, type PresentPerson } from './present-people.ts';

/** Tells the others on the board who this is (the colour is an identity, see presence-colors.ts). */
export function announcePresence(awareness: Awareness, user: User): void {
  awareness.setLocalStateField('user', { name: user.displayName, color: identityColor(user.id) });
}

/** The people on the board as this page shows them. */
export interface Presence {
  /** You first, then by name. A person's object stays the same while nothing shown changes. */
  people: Accessor<readonly PresentPerson[]>;
  /** The person behind an awareness client id (any of their tabs), as of the last change. */
  personOf(clientId: number): PresentPerson | undefined;
}

const samePerson = (a: PresentPerson, b: PresentPerson) =>
  a.key === b.key && a.name === b.name && a.initials === b.initials && a.color === b.color && a.isYou === b.isYou && a.keys.join() === b.keys.join();

/**
 * Follows the awareness states. Presence is renewed every few seconds by everyone, so only a
 * change someone could see makes a new list, and unchanged people keep their objects (a focused
 * "Follow" button is never re-drawn under the keyboard). Call inside a component.
 */
export function createPresence(awareness: Awareness): Presence {
  const colors = createColorAssigner();
  let byClient = new Map<number, PresentPerson>();
  const read = (previous: readonly PresentPerson[]): readonly PresentPerson[] => {
    const before = new Map(previous.map((person) => [person.key, person]));
    const next = readPresentPeople(awareness.getStates(), awareness.clientID, colors).map((person) => {
      const old = before.get(person.key);
      return old !== undefined && samePerson(old, person) ? old : person;
    });
    byClient = new Map(next.flatMap((person) => person.keys.map((key) => [key, person] as const)));
    return next.length === previous.length && next.every((person, i) => person === previous[i]) ? previous : next;
  };
  const [people, setPeople] = createSignal(read([]));
  const onChange = () => setPeople((previous) => read(previous));
  awareness.on('change', onChange);
  onCleanup(() => awareness.off('change', onChange));
  return { people, personOf: (clientId) => byClient.get(clientId) };
}
