/** One touchpoint card: its title and story, following live edits to both. */
import { Show } from 'solid-js';
import type * as Y from 'yjs';
import { createTextField } from './y-text-signal.ts';

export function TouchpointCard(props: { touchpoint: Y.Map<unknown>; id: string }) {
  // The card is keyed by id in its list, so the map it was made with stays its map.
  const title = createTextField(props.touchpoint, 'title');
  const story = createTextField(props.touchpoint, 'story');
  const headingId = `touchpoint-${props.id}`;
  return (
    <li class="touchpoint">
      <article aria-labelledby={headingId}>
        <h3 id={headingId} class="touchpoint__title">
          {title().trim() === '' ? 'Untitled touchpoint' : title()}
        </h3>
        <Show when={story().trim() !== ''}>
          <p class="touchpoint__story">{story()}</p>
        </Show>
      </article>
    </li>
  );
}
