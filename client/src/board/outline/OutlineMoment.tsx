/**
 * One moment (touchpoint) in the outline (issue 17): its name as an h4, its story, everyone's
 * feelings in words, its dots once a vote is shown, and its comments — each following the
 * document live. Where the person may: "Change name or story" opens the card's own shared text
 * boxes (TouchpointTextFields: two people can type in one box) for `edit` and up while changes are not
 * paused; "Say how it felt" opens the card's feeling picker (FeelingControl) and "Add a comment"
 * the comment box for `comment` and up. Focus returns to the button that opened a box when it
 * closes; a pause that takes the boxes away puts focus on the card's note saying why (PausedNote),
 * as on the map.
 */
import { createSignal, Show } from 'solid-js';
import type * as Y from 'yjs';
import { touchpointName } from '../../../../shared/curve-words.ts';
import type { FeelingStats } from '../../../../shared/feeling-stats.ts';
import { focusSoon, useBoard } from '../board-context.ts';
import { withdrawnStoryWords } from '../consent/consent-words.ts';
import { createWithdrawnMark } from '../consent/story-consent.ts';
import { FeelingControl } from '../feelings/FeelingControl.tsx';
import { useMethod } from '../method/method-context.ts';
import { PausedNote } from '../session/PausedNote.tsx';
import { cardTotalWords } from '../session/vote/vote-words.ts';
import { TouchpointTextFields } from '../TouchpointTextFields.tsx';
import { createTextField } from '../y-text-signal.ts';
import { OutlineComments } from './OutlineComments.tsx';
import { feelingsInWords, outlineWords } from './outline-words.ts';

export interface OutlineMomentProps {
  id: string;
  touchpoint: Y.Map<unknown>;
  stats: FeelingStats;
}

/** The ids of a moment's buttons and boxes in the outline. */
export const outlineId = (touchpointId: string, part: 'heading' | 'edit' | 'title' | 'feel'): string => `outline-${touchpointId}-${part}`;

export function OutlineMoment(props: OutlineMomentProps) {
  const board = useBoard();
  const method = useMethod();
  const title = createTextField(props.touchpoint, 'title');
  const story = createTextField(props.touchpoint, 'story');
  const name = () => touchpointName(title());
  // Withdrawn by its storyteller: the server marked it (`withdrawnAt`), and everyone is told so.
  const withdrawn = createWithdrawnMark(props.touchpoint);
  const [editing, setEditing] = createSignal(false);
  const [feeling, setFeeling] = createSignal(false);

  const openEditor = () => {
    setEditing(true);
    focusSoon(outlineId(props.id, 'title'));
  };
  const closeEditor = () => {
    setEditing(false);
    board.undo.cut();
    focusSoon(outlineId(props.id, 'edit'));
  };

  return (
    <li
      class="outline__moment"
      data-touchpoint-id={props.id}
      onFocusIn={() => board.presence.setFocus(props.id)}
      onFocusOut={(event) => {
        const next = event.relatedTarget;
        if (!(next instanceof Node) || !event.currentTarget.contains(next)) board.presence.setFocus(null);
      }}
    >
      <h4 id={outlineId(props.id, 'heading')}>{name()}</h4>
      <p class="outline__story">
        <span class="outline__label">{outlineWords.storyLabel}:</span> {story().trim() !== '' ? story().trim() : withdrawn() ? withdrawnStoryWords : outlineWords.noStory}
      </p>
      <Show when={board.canEdit()}>
        <Show
          when={editing()}
          fallback={
            <button type="button" class="button button--secondary button--small" id={outlineId(props.id, 'edit')} onClick={openEditor}>
              Change name or story<span class="visually-hidden"> of “{name()}”</span>
            </button>
          }
        >
          <div class="outline__editor">
            <TouchpointTextFields touchpoint={props.touchpoint} titleId={outlineId(props.id, 'title')} onDone={closeEditor} />
            <button type="button" class="button button--secondary button--small" onClick={closeEditor}>
              Done<span class="visually-hidden"> changing “{name()}”</span>
            </button>
          </div>
        </Show>
      </Show>
      <p class="outline__feelings">
        <span class="outline__label">{outlineWords.feelingsLabel}:</span> {feelingsInWords(props.stats)}
      </p>
      <Show when={board.canComment()}>
        <button
          type="button"
          class="button button--secondary button--small"
          id={outlineId(props.id, 'feel')}
          aria-expanded={feeling() ? 'true' : 'false'}
          onClick={() => setFeeling(!feeling())}
        >
          Say how it felt<span class="visually-hidden"> at “{name()}”</span>
        </button>
        <Show when={feeling()}>
          <FeelingControl doc={board.doc} touchpointId={props.id} readOnly={false} />
        </Show>
      </Show>
      <Show when={method.dots().size > 0}>
        <p>
          <span class="outline__label">{outlineWords.dotsLabel}:</span> {cardTotalWords(method.dots().get(props.id) ?? 0)}
        </p>
      </Show>
      <OutlineComments target={{ type: 'touchpoint', id: props.id }} about={`“${name()}”`} label={outlineWords.commentsLabel} sayWhenNone />
      <PausedNote cardId={props.id} />
    </li>
  );
}
