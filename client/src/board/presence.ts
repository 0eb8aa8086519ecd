/**
 * Presence: who is on the board now. Like a first-name badge at a joint event, it carries a
 * name and a colour and nothing else — never a role. The server overwrites `user.name` with the
 * member's display name, so what we send is only a first guess.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type { Awareness } from 'y-protocols/awareness';
import type { User } from '../../../shared/api.ts';

/**
 * Colours with at least 4.5:1 contrast on white, so they work as text, a dot or an outline. The
 * name is always shown beside the colour, so nobody depends on telling colours apart.
 */
export const presenceColors = [
  '#0b57d0', '#b3261e', '#146c2e', '#8e24aa', '#a14f00', '#00696f', '#c2185b', '#4e5a9c', '#6b5d00',
] as const;

/** The same person always gets the same colour (FNV-1a hash of the user id). */
export function presenceColor(userId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < userId.length; i++) hash = Math.imul(hash ^ userId.charCodeAt(i), 0x01000193) >>> 0;
  return presenceColors[hash % presenceColors.length] ?? presenceColors[0];
}

/** The part of a display name shown on the board: the first word. */
export function firstName(displayName: string): string {
  return displayName.trim().split(/\s+/)[0] ?? '';
}

/** Tells the others on the board who this is. */
export function announcePresence(awareness: Awareness, user: User): void {
  awareness.setLocalStateField('user', { name: user.displayName, color: presenceColor(user.id) });
}

/** One person on the board right now, as shown in "Who is here". */
export interface PresentPerson {
  /** Stable key for the list: the awareness client id. */
  key: number;
  name: string;
  color: string;
  isYou: boolean;
}

const colorPattern = /^#[0-9a-fA-F]{6}$/;
const fallbackColor = '#595959';

function readPerson(key: number, state: Record<string, unknown>, isYou: boolean): PresentPerson | null {
  const user = state['user'];
  if (typeof user !== 'object' || user === null) return null;
  const name = 'name' in user && typeof user.name === 'string' ? firstName(user.name) : '';
  if (name === '') return null;
  const color = 'color' in user && typeof user.color === 'string' && colorPattern.test(user.color) ? user.color : fallbackColor;
  return { key, name, color, isYou };
}

/**
 * The people on the board, you first, then by name. The same name and colour twice (one person
 * with two tabs open) is shown once. Call inside a component: it stops listening on cleanup.
 */
export function createPresenceList(awareness: Awareness): Accessor<PresentPerson[]> {
  const read = (): PresentPerson[] => {
    const people: PresentPerson[] = [];
    for (const [clientId, state] of awareness.getStates()) {
      const person = readPerson(clientId, state, clientId === awareness.clientID);
      if (person !== null) people.push(person);
    }
    people.sort((a, b) => Number(b.isYou) - Number(a.isYou) || a.name.localeCompare(b.name, 'en-GB') || a.key - b.key);
    const seen = new Set<string>();
    return people.filter((person) => {
      const identity = `${person.name}\u0000${person.color}`;
      if (seen.has(identity)) return false;
      seen.add(identity);
      return true;
    });
  };
  const [people, setPeople] = createSignal(read());
  const onChange = () => setPeople(read());
  awareness.on('change', onChange);
  onCleanup(() => awareness.off('change', onChange));
  return people;
}
