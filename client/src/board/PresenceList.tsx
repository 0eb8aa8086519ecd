/** "Who is here": first names with their colour dots, you first. Never a role. */
import { For } from 'solid-js';
import type { PresentPerson } from './presence.ts';

export function PresenceList(props: { people: readonly PresentPerson[] }) {
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
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
