/**
 * The journey map one moment at a time, for easy read (issue 17): where the moment is in words
 * ("Stage 2 of 4: Outpatients · Moment 3 of 9"), its name and story with how it may be shared (and,
 * for its storyteller or a facilitator, the card's own "How this story may be shared…" and
 * "Withdraw my story", consent/card-consent.tsx), "Read this to me", the
 * person's own feeling (the board's FeelingControl, so giving one works as on the whole map and
 * as the server's guard expects) and how everyone felt, with big "Back" and "Next". At the ends
 * they stay focusable but do nothing (aria-disabled) and say why. Focus stays on the button
 * pressed, and in view when the new moment is taller; the new place is said by the board's announcer. The moments and their feelings come
 * from the board's live curve (board-context.ts, curve-data.ts), so cards added, moved or
 * deleted by others show up in their place; a deleted moment gives way to its neighbour.
 */
import { createMemo, createSignal, createUniqueId, Index, Show } from 'solid-js';
import * as Y from 'yjs';
import { useBoard } from '../board-context.ts';
import { createCardConsent } from '../consent/card-consent.tsx';
import { withdrawnStoryWords } from '../consent/consent-words.ts';
import { FeelingControl } from '../feelings/FeelingControl.tsx';
import { createTextField } from '../y-text-signal.ts';
import { endWords, placeOf, placeWords, readAloudText, spokenPlace, type MomentPlace } from './easy-read-words.ts';
import { ReadAloud } from './ReadAloud.tsx';
import { createReader, type Reader } from './speech.ts';

/** A touchpoint field's words now ('' when missing). */
function textNow(touchpoint: Y.Map<unknown> | undefined, key: string): string {
  const value = touchpoint?.get(key);
  return value instanceof Y.Text ? value.toString() : typeof value === 'string' ? value : '';
}

function MomentCard(props: { id: string; place: MomentPlace; reader: Reader }) {
  const board = useBoard();
  const touchpoint = board.view.touchpoint(props.id);
  const title = touchpoint === undefined ? () => '' : createTextField(touchpoint, 'title');
  const story = touchpoint === undefined ? () => '' : createTextField(touchpoint, 'story');
  const stats = () => board.curve.rows.find((row) => row.touchpointId === props.id)?.stats;
  const headingId = `easy-moment-${props.id}`;
  // The story's sharing, and the storyteller's (or a facilitator's) two choices as buttons here.
  const buttonId = (panel: string) => `easy-moment-${props.id}-${panel}`;
  const noteId = `easy-moment-${props.id}-withdrawn`;
  const consent =
    touchpoint === undefined
      ? null
      : createCardConsent({
          touchpoint,
          id: props.id,
          story,
          idPrefix: 'easy-moment',
          focusBack: (from, gone) => (gone ? [noteId] : [buttonId(from), noteId]),
        });
  const withdrawn = () => consent?.withdrawn() ?? false;
  return (
    <article
      class="easy-moment"
      aria-labelledby={headingId}
      data-touchpoint-id={props.id}
      // Others see where this person is, as on the whole map (TouchpointCard.tsx).
      onFocusIn={() => board.presence.setFocus(props.id)}
      onFocusOut={(event) => {
        const next = event.relatedTarget;
        if (!(next instanceof Node) || !event.currentTarget.contains(next)) board.presence.setFocus(null);
      }}
    >
      <p class="easy-moment__place">{placeWords(props.place)}</p>
      <h3 id={headingId} class="easy-moment__title">
        {title().trim() || 'This moment has no name yet'}
      </h3>
      <Show
        when={story().trim() !== ''}
        fallback={
          <Show when={!withdrawn()}>
            <p class="easy-moment__story easy-moment__story--none">There is no story here yet.</p>
          </Show>
        }
      >
        <p class="easy-moment__story">{story()}</p>
      </Show>
      {consent?.state}
      <Show when={(consent?.actions().length ?? 0) > 0}>
        <div class="button-row easy-moment__consent">
          <Index each={consent?.actions() ?? []}>
            {(action) => (
              <button type="button" id={buttonId(action().panel)} class="button button--secondary" onClick={() => consent?.open(action().panel)}>
                {action().label}
              </button>
            )}
          </Index>
        </div>
      </Show>
      {consent?.panel}
      <Show when={stats()}>
        {(now) => (
          <ReadAloud
            reader={props.reader}
            text={() => readAloudText({ place: props.place, title: title(), story: withdrawn() ? withdrawnStoryWords : story(), stats: now() })}
          />
        )}
      </Show>
      <FeelingControl doc={board.doc} touchpointId={props.id} readOnly={!board.canComment()} />
    </article>
  );
}

/** One moment of the journey at a time, with "Back" and "Next". */
export function OneMoment() {
  const board = useBoard();
  const reasonId = `easy-moment-end-${createUniqueId()}`;
  const reader = createReader();
  // The moment chosen, by id, so it stays the same moment when others add or move cards.
  const [chosen, setChosen] = createSignal<string | null>(null);
  let lastIndex = 0;
  const index = createMemo(() => {
    const rows = board.curve.rows;
    if (rows.length === 0) return -1;
    const id = chosen();
    const found = id === null ? -1 : rows.findIndex((row) => row.touchpointId === id);
    // Gone (deleted, or in a deleted stage): the moment now in its place, or the last one.
    lastIndex = found >= 0 ? found : Math.min(lastIndex, rows.length - 1);
    return lastIndex;
  });
  const place = createMemo(() => placeOf(board.curve.rows, board.view.stages, index()));
  const atStart = () => index() <= 0;
  const atEnd = () => index() >= board.curve.rows.length - 1;

  const go = (step: -1 | 1, button: HTMLElement) => {
    const rows = board.curve.rows;
    const next = index() + step;
    const row = rows[next];
    if (row === undefined) return board.announcer.say(step < 0 ? endWords.first : endWords.last);
    reader.stop();
    setChosen(row.touchpointId);
    // The new moment is drawn by now. A taller one pushes the buttons down, off a zoomed-in or
    // small screen: bring the pressed one back into view (no scrolling when it still shows).
    button.scrollIntoView({ block: 'nearest' });
    const where = placeOf(rows, board.view.stages, next);
    if (where !== null) board.announcer.say(spokenPlace(where, textNow(board.view.touchpoint(row.touchpointId), 'title')));
  };

  return (
    <Show
      when={index() >= 0 && place()}
      fallback={<p class="easy-moment__empty">There are no moments on this map yet.</p>}
    >
      {/* Each part in an element of its own: a new card or reason then never moves the buttons in
          the page (moving a focused button would drop its focus). */}
      <div class="easy-moment__slot">
        <Show when={board.curve.rows[index()]?.touchpointId} keyed>
          {(id) => <MomentCard id={id} place={place()!} reader={reader} />}
        </Show>
      </div>
      <div class="easy-moment__buttons">
        <button
          type="button"
          class="button button--secondary easy-moment__step"
          aria-disabled={atStart() ? 'true' : 'false'}
          aria-describedby={atStart() ? `${reasonId}-first` : undefined}
          onClick={(event) => go(-1, event.currentTarget)}
        >
          <span aria-hidden="true">←</span>Back
        </button>
        <button
          type="button"
          class="button easy-moment__step"
          aria-disabled={atEnd() ? 'true' : 'false'}
          aria-describedby={atEnd() ? `${reasonId}-last` : undefined}
          onClick={(event) => go(1, event.currentTarget)}
        >
          Next<span aria-hidden="true">→</span>
        </button>
      </div>
      <div class="easy-moment__ends">
        <Show when={atStart()}>
          <p class="easy-moment__end" id={`${reasonId}-first`}>
            {endWords.first}
          </p>
        </Show>
        <Show when={atEnd()}>
          <p class="easy-moment__end" id={`${reasonId}-last`}>
            {endWords.last}
          </p>
        </Show>
      </div>
    </Show>
  );
}
