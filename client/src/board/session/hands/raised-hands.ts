/**
 * The raised hands as this page follows them (issue 15): read live from the board document's
 * `session.hands` (only the server writes it, shared/session.ts), in the order they went up, with
 * each person's name as "Who is here" shows it and which people in presence have a hand up
 * (hand-owners.ts). The page never writes the map: raising and lowering ask the API
 * (RaiseHandButton.tsx, HandsQueue.tsx). Made once by BoardPage.
 */
import { createMemo, createSignal, onCleanup, type Accessor } from 'solid-js';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { User } from '../../../../../shared/api.ts';
import { boardTypes } from '../../../../../shared/board-document.ts';
import { handsOf } from '../../../../../shared/session.ts';
import type { MemberNames } from '../../member-names.ts';
import { identityColor } from '../../presence-colors.ts';
import { firstName, type PresentPerson } from '../../present-people.ts';
import { handOwners } from './hand-owners.ts';
import type { QueuedName } from './hand-words.ts';

export interface RaisedHands {
  /** User ids with a hand up, first raised first (plain strings: a list keyed on them keeps its rows). */
  queue: Accessor<readonly string[]>;
  /** Whether this person's hand is up. */
  mine: Accessor<boolean>;
  /** "You", the name "Who is here" shows, the first name, or "Someone on this board". */
  nameOf(userId: string): QueuedName;
  /** Whether this person in "Who is here" has a hand up. */
  isRaised(person: PresentPerson): boolean;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/** Follows the board's raised hands. Call inside a component. */
export function createRaisedHands(doc: Y.Doc, awareness: Awareness, people: Accessor<readonly PresentPerson[]>, me: User, names: MemberNames): RaisedHands {
  const { session } = boardTypes(doc);
  const [hands, setHands] = createSignal(handsOf(doc), { equals: (a, b) => JSON.stringify(a) === JSON.stringify(b) });
  const onChange = () => setHands(handsOf(doc));
  session.observe(onChange);
  onCleanup(() => session.unobserve(onChange));

  const queue = createMemo(() => hands().map((hand) => hand.userId), [], { equals: sameList });
  const displayNameOf = (userId: string): string | null => {
    if (userId === me.id) return me.displayName;
    const name = names.who(userId);
    return name === null || name.startsWith('someone ') ? null : name;
  };
  // Presence changes when people come and go (its list is new then); names when they are read.
  const owners = createMemo(() => {
    people();
    return handOwners(hands(), awareness.getStates() as ReadonlyMap<number, Record<string, unknown>>, identityColor, displayNameOf);
  });
  return {
    queue,
    mine: () => queue().includes(me.id),
    nameOf(userId) {
      if (userId === me.id) return { name: 'You', isYou: true };
      const here = people().find((person) => person.keys.some((key) => owners().get(key) === userId));
      if (here !== undefined) return { name: here.name, isYou: false };
      const full = displayNameOf(userId);
      const first = full === null ? '' : firstName(full);
      return { name: first === '' ? 'Someone on this board' : first, isYou: false };
    },
    isRaised: (person) => person.keys.some((key) => owners().has(key)),
  };
}
