/**
 * One touchpoint card: its title and story, following live edits to both, and how it felt. For
 * people who may edit, everything else sits behind one "More actions for <title>" menu button
 * (change name or story, move up or down, move to another stage, delete), so a card shows only
 * its main acts to people new to computers. Cards can also be dragged. Its comments open in place
 * under how it felt (comments/CommentsSection.tsx). Its story says how it may be shared, and its
 * storyteller (or a facilitator) says so or withdraws it from the same menu (consent/card-consent.tsx).
 */
import { createSignal, For, onCleanup, Show } from 'solid-js';
import type * as Y from 'yjs';
import { focusSoon, spokenTitle, useBoard } from './board-context.ts';
import { touchpointButtonId } from './control-ids.ts';
import { startDrag, touchpointDragType } from './drag.ts';
import { localOrigin } from './local-origin.ts';
import { moveTouchpoint } from './ordering.ts';
import { deleteTouchpointWithUndo, TouchpointEditor, type EditorRequest } from './TouchpointEditor.tsx';
import { MenuButton, type MenuItem } from '../components/MenuButton.tsx';
import './cards.css';
import { FeelingControl } from './feelings/FeelingControl.tsx';
import { watchRemoteChanges } from './remote-news.ts';
import { createTextField } from './y-text-signal.ts';
import { CommentsSection } from './comments/CommentsSection.tsx';
import { useNews } from './news/news-context.ts';
import { PausedNote } from './session/PausedNote.tsx';
import { bringEveryoneWords } from './session/gather/BringEveryoneHere.tsx';
import { useGathering } from './session/gather/gathering-context.tsx';
import { CardDots } from './session/vote/CardDots.tsx';
import { createCardConsent } from './consent/card-consent.tsx';

export interface TouchpointCardProps {
  touchpoint: Y.Map<unknown>;
  id: string;
  stageId: string;
  /** Place within its stage, from 0. */
  index: number;
  /** Whether it is the stage's last card. */
  last: boolean;
}

/** One card; re-renders only when its own title, story or place changes. */
export function TouchpointCard(props: TouchpointCardProps) {
  const board = useBoard();
  // The card is keyed by id in its list, so the map it was made with stays its map.
  const title = createTextField(props.touchpoint, 'title');
  const story = createTextField(props.touchpoint, 'story');
  // The open editor, and where its focus starts; a new object each time the menu asks, so asking
  // again while it is open moves focus there again.
  const [editing, setEditing] = createSignal<EditorRequest | null>(null);
  const headingId = `touchpoint-${props.id}`;
  const name = () => spokenTitle(title(), 'touchpoint');
  // Added or changed by others since this person's last visit, and not visited yet (news/board-news.ts).
  const news = useNews();
  const isNew = () => news.isNew('touchpoint', props.id);
  // The facilitator's "Bring everyone here" (issue 15), an item of the card's menu.
  const gathering = useGathering();
  // Other people working on this card: a ring in the first one's colour and their names.
  const others = () => board.presence.focusIndex().get(props.id) ?? [];
  // Storyteller consent (issue 17): the sharing state, and the storyteller's menu items and panels.
  const consent = createCardConsent({ touchpoint: props.touchpoint, id: props.id, story });
  let cardElement: HTMLLIElement | undefined;
  onCleanup(
    watchRemoteChanges({
      touchpoint: props.touchpoint,
      isHere: () => cardElement?.contains(document.activeElement) ?? false,
      title: name,
      others: () => others().map((person) => person.name),
      say: (text) => board.announcer.say(text),
    }),
  );

  const move = (by: -1 | 1) => {
    const to = props.index + by;
    if (!board.undo.step(() => moveTouchpoint(board.doc, props.id, props.stageId, to, localOrigin))) return;
    board.announcer.say(`${name()} moved to place ${to + 1}.`);
    // The moved card is re-inserted, which drops focus: back to its menu button.
    focusSoon(touchpointButtonId(props.id, 'actions'));
  };
  // Everything on the card's menu for people who may edit; the storyteller's items before Delete.
  const editItems = (): MenuItem[] => [
    { label: 'Change name or story', onSelect: () => setEditing({ start: 'title' }) },
    { label: 'Move up', disabled: props.index === 0, onSelect: () => move(-1) },
    { label: 'Move down', disabled: props.last, onSelect: () => move(1) },
    {
      label: 'Move to another stage',
      disabled: board.view.stages.length < 2,
      onSelect: () => setEditing({ start: 'stage' }),
    },
    ...(board.canFacilitate() ? [{ label: bringEveryoneWords, onSelect: () => gathering.bring({ type: 'touchpoint', id: props.id }) }] : []),
    ...consent.menuItems(),
    {
      label: 'Delete touchpoint',
      danger: true,
      onSelect: () => deleteTouchpointWithUndo(board, props.id, props.stageId, name()),
    },
  ];
  const closeEditor = () => {
    setEditing(null);
    board.undo.cut();
    focusSoon(touchpointButtonId(props.id, 'actions'));
  };

  return (
    <li
      ref={cardElement}
      class="touchpoint"
      classList={{ 'touchpoint--others-here': others().length > 0 }}
      style={others().length > 0 ? { '--presence-color': others()[0]!.color } : undefined}
      data-touchpoint-id={props.id}
      onFocusIn={() => board.presence.setFocus(props.id)}
      onFocusOut={(event) => {
        const next = event.relatedTarget;
        if (!(next instanceof Node) || !event.currentTarget.contains(next)) board.presence.setFocus(null);
      }}
      draggable={board.canEdit() && editing() === null}
      onDragStart={(event) => startDrag(event, touchpointDragType, props.id)}
    >
      <article aria-labelledby={headingId}>
        {/* Focus comes here from "What's new" (news/go-to-news.ts), which then hears "New". */}
        <h3 id={headingId} class="touchpoint__title" aria-describedby={isNew() ? `${headingId}-new` : undefined}>
          {title().trim() === '' ? 'Untitled touchpoint' : title()}
        </h3>
        <Show when={isNew()}>
          <p class="touchpoint__new" id={`${headingId}-new`}>
            New
          </p>
        </Show>
        <Show when={story().trim() !== ''}>
          <p class="touchpoint__story">{story()}</p>
        </Show>
        {consent.state}
        <FeelingControl doc={board.doc} touchpointId={props.id} readOnly={!board.canComment()} />
        {/* Dot voting (issue 15): this person's dots while a vote is open, the total once shown. */}
        <CardDots touchpointId={props.id} name={name()} />
        <CommentsSection
          target={{ type: 'touchpoint', id: props.id }}
          about={`“${name()}”`}
          isHere={() => cardElement?.contains(document.activeElement) ?? false}
        />
        <Show when={others().length > 0}>
          <p class="touchpoint__here">
            <For each={others()}>
              {(person) => (
                <span class="touchpoint__here-name" style={{ 'border-color': person.color }}>
                  {person.name}
                </span>
              )}
            </For>{' '}
            {others().length === 1 ? 'is' : 'are'} here
          </p>
        </Show>
        {/* The storyteller may say how their story is shared with any access, so the menu is theirs too. */}
        <Show when={board.canEdit() || consent.mayChange()}>
          <MenuButton
            id={touchpointButtonId(props.id, 'actions')}
            class="touchpoint__more"
            label="More actions"
            hiddenLabel={` for ${name()}`}
            items={board.canEdit() ? editItems() : consent.menuItems()}
          />
        </Show>
        {consent.panel}
        <Show when={board.canEdit()}>
          <Show when={editing()}>
            {(request) => (
              <TouchpointEditor
                touchpoint={props.touchpoint}
                id={props.id}
                stageId={props.stageId}
                name={name()}
                start={request()}
                onClose={closeEditor}
              />
            )}
          </Show>
        </Show>
        {/* Where focus goes when a pause of changes to the map closed this card's editor or menu. */}
        <PausedNote cardId={props.id} />
      </article>
    </li>
  );
}
