/**
 * "Who is here": first names with their colour dots, you first. Never a role. Each other person
 * can be followed: the board then keeps the card they are working on in view.
 */
import { For, Show } from 'solid-js';
import type { PresentPerson } from './presence.ts';

export interface PresenceListProps {
  people: readonly PresentPerson[];
  /** The awareness key of the person being followed, or null. */
  following?: number | null;
  /** Starts (key) or stops (null) following someone. */
  onFollow?: (key: number | null) => void;
}

export function PresenceList(props: PresenceListProps) {
  return (
    <section class="presence" aria-labelledby="presence-heading">
      <h2 id="presence-heading" class="presence__heading">
        Who is here
      </h2>
      <ul class="presence__list">
        <For each={props.people}>
          {(person) => (
            <li class="presence__person">
              <span class="presence__dot" style={{ 'background-color': person.color }} aria-hidden="true" />
              {person.name}
              {person.isYou ? ' (you)' : ''}
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
    </section>
  );
}
