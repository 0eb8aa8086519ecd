/**
 * "Who is here", small enough for a phone in a room of 20: one button saying how many people are
 * here, with the first few people's initials in their colours, opens the full list — first names
 * (you first), never a role, and "Follow Name" for each other person, which keeps the card they are
 * working on in view. The list opens in place (nothing is pinned over the board); Escape or "Hide
 * this list" closes it and puts focus back on the button.
 */
import { createSignal, For, Show } from 'solid-js';
import type { PresentPerson } from './presence.ts';
import { HandIcon, HandMark } from './session/hands/HandIcon.tsx';
import { handsUpWords } from './session/hands/hand-words.ts';
import './presence.css';

export interface PresenceListProps {
  people: readonly PresentPerson[];
  /** The awareness key of the person being followed, or null. */
  following?: number | null;
  /** Starts (key) or stops (null) following someone. */
  onFollow?: (key: number | null) => void;
  /** Whether a person has a raised hand (issue 15): a hand beside the name, "Sam, hand raised". */
  raised?: (person: PresentPerson) => boolean;
  /** How many hands are up, said in the summary ("5 people here, 1 hand up"). */
  handsUp?: number;
}

/** How many badges the summary shows before "+N": on a wide screen, and on a phone (presence.css). */
const roomyBadges = 5;
const narrowBadges = 3;

function Badge(props: { person: PresentPerson; roomyOnly?: boolean }) {
  return (
    <span
      class="presence__badge"
      classList={{ 'presence__roomy-only': props.roomyOnly === true }}
      style={{ 'background-color': props.person.color }}
      aria-hidden="true"
    >
      {props.person.initials}
    </span>
  );
}

export function PresenceList(props: PresenceListProps) {
  const [open, setOpen] = createSignal(false);
  let summary: HTMLButtonElement | undefined;
  const more = (shown: number) => Math.max(0, props.people.length - shown);
  const followed = () => props.people.find((person) => !person.isYou && person.key === props.following);
  const count = () => {
    const n = props.people.length;
    if (n === 1 && props.people[0]?.isYou) return 'Only you are here';
    return n === 1 ? '1 person here' : `${n} people here`;
  };
  const close = () => {
    setOpen(false);
    summary?.focus();
  };

  return (
    <section class="presence" aria-labelledby="presence-heading">
      <h2 id="presence-heading" class="visually-hidden">
        Who is here
      </h2>
      <div class="presence__row">
        <button
          type="button"
          class="presence__summary"
          ref={summary}
          aria-expanded={open()}
          aria-controls="presence-people"
          onClick={() => setOpen(!open())}
        >
          <span class="presence__badges" aria-hidden="true">
            <For each={props.people.slice(0, roomyBadges)}>
              {(person, i) => <Badge person={person} roomyOnly={i() >= narrowBadges} />}
            </For>
            <Show when={more(narrowBadges) > 0}>
              <span class="presence__more presence__narrow-only">+{more(narrowBadges)}</span>
            </Show>
            <Show when={more(roomyBadges) > 0}>
              <span class="presence__more presence__roomy-only">+{more(roomyBadges)}</span>
            </Show>
          </span>
          <span class="presence__count">
            {count()}
            {(props.handsUp ?? 0) > 0 ? ',' : ''}
          </span>
          <Show when={(props.handsUp ?? 0) > 0}>
            <span class="presence__hands">
              <HandIcon />
              {handsUpWords(props.handsUp ?? 0)}
            </span>
          </Show>
        </button>
        <Show when={followed()}>
          {(person) => (
            <button type="button" class="link-button presence__stop" onClick={() => props.onFollow?.(null)}>
              Stop following {person().name}
            </button>
          )}
        </Show>
      </div>
      <div
        id="presence-people"
        class="presence__panel"
        hidden={!open()}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.preventDefault();
          close();
        }}
      >
        <ul class="presence__list" aria-labelledby="presence-heading">
          <For each={props.people}>
            {(person) => (
              <li class="presence__person">
                <Badge person={person} />
                <span class="presence__name">
                  {person.name}
                  {person.isYou ? ' (you)' : ''}
                  <Show when={props.raised?.(person)}>
                    <HandMark />
                  </Show>
                </span>
                <Show when={!person.isYou && props.onFollow}>
                  <button
                    type="button"
                    class="link-button presence__follow"
                    aria-pressed={props.following === person.key}
                    onClick={() => props.onFollow?.(props.following === person.key ? null : person.key)}
                  >
                    Follow {person.name}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
        <button type="button" class="link-button" onClick={close}>
          Hide this list
        </button>
      </div>
    </section>
  );
}
