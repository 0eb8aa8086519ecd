/**
 * A card's part in storyteller consent (issue 17), for TouchpointCard.tsx: the story's sharing
 * state in words for everyone (shown with the story), the two items of the card's menu for the
 * storyteller and facilitators ("How this story may be shared…", "Withdraw my story" or "Withdraw
 * this story for Sam"), the panel each opens in place, and, once a story is withdrawn here, the
 * card saying it is gone. Who is offered what follows the server's guard: the card's `createdBy`
 * with any access, or a facilitator (shared/consent.ts maySpeakForStory).
 */
import { createSignal, Match, Show, Switch, type Accessor, type JSX } from 'solid-js';
import type * as Y from 'yjs';
import type { MenuItem } from '../../components/MenuButton.tsx';
import { focusSoon, useBoard } from '../board-context.ts';
import { touchpointButtonId } from '../control-ids.ts';
import { consentMenuWords, consentStateWords, withdrawnWords, withdrawWords, type StoryVoice } from './consent-words.ts';
import { withUndoNote } from './forget-withdrawn.ts';
import { StoryConsentPanel } from './StoryConsentPanel.tsx';
import { createConsent, storytellerOf } from './story-consent.ts';
import { WithdrawStoryPanel } from './WithdrawStoryPanel.tsx';
import './consent.css';

export interface CardConsent {
  /** This person may say how the story is shared, and withdraw it, and there is a story. */
  mayChange: Accessor<boolean>;
  /** The card menu's items for them (none for anyone else). */
  menuItems: () => MenuItem[];
  /** The sharing state under the story, or the words that it was withdrawn. */
  state: JSX.Element;
  /** The open panel, if any. */
  panel: JSX.Element;
}

/** Call in the card's component. `story` is the story's text as it is now. */
export function createCardConsent(props: { touchpoint: Y.Map<unknown>; id: string; name: Accessor<string>; story: Accessor<string> }): CardConsent {
  const board = useBoard();
  const consent = createConsent(props.touchpoint);
  const storyteller = storytellerOf(props.touchpoint);
  const mayChange = () => board.canFacilitate() || (storyteller !== null && storyteller === board.userId);
  const hasStory = () => props.story().trim() !== '';
  const voice = (): StoryVoice =>
    storyteller === board.userId ? { own: true } : { own: false, storyteller: storyteller === null ? null : board.names.who(storyteller) };
  const withdrawnNoteId = `touchpoint-${props.id}-withdrawn`;
  const [open, setOpen] = createSignal<'consent' | 'withdraw' | null>(null);
  // What was said when this person withdrew the story here; shown while the card has no story.
  const [withdrawn, setWithdrawn] = createSignal<string | null>(null);
  const backToMenu = () => {
    setOpen(null);
    focusSoon(touchpointButtonId(props.id, 'actions'));
  };

  // Offered once there is a story to share or withdraw (a card without one has nothing to say yet).
  const menuItems = (): MenuItem[] =>
    !mayChange() || !hasStory()
      ? []
      : [
          { label: consentMenuWords, onSelect: () => setOpen('consent') },
          { label: withdrawWords(voice()).menu, danger: true, onSelect: () => setOpen('withdraw') },
        ];

  const state = (
    <Switch>
      <Match when={hasStory()}>
        <p class="touchpoint__consent" data-consent={consent()}>
          <span class="visually-hidden">Sharing: </span>
          {consentStateWords[consent()]}
        </p>
      </Match>
      <Match when={withdrawn()}>
        {(words) => (
          <p class="touchpoint__withdrawn" id={withdrawnNoteId} tabIndex={-1}>
            {words()}
          </p>
        )}
      </Match>
    </Switch>
  );

  const panel = (
    <Show when={mayChange()}>
      <Switch>
        <Match when={open() === 'consent'}>
          <StoryConsentPanel touchpoint={props.touchpoint} consent={consent()} voice={voice()} name={props.name()} onClose={backToMenu} />
        </Match>
        <Match when={open() === 'withdraw'}>
          <WithdrawStoryPanel
            touchpointId={props.id}
            voice={voice()}
            onKeep={backToMenu}
            onWithdrawn={(result) => {
              const words = withdrawnWords(voice(), result);
              setWithdrawn(words);
              // This page's Undo has forgotten the story already (forget-withdrawn.ts, on the
              // server's change, which arrives before its answer); say so with the news if it had steps.
              board.announcer.say(withUndoNote(board.doc, props.id, words));
              setOpen(null);
              // The menu stays for people who may edit. A storyteller who may only comment has no
              // menu on a card without a story: focus goes to the words saying it is gone. (The
              // server sends the emptied story before it answers, so the card has none by now.)
              focusSoon(...(board.canEdit() ? [touchpointButtonId(props.id, 'actions')] : []), withdrawnNoteId);
            }}
          />
        </Match>
      </Switch>
    </Show>
  );

  return { mayChange: () => mayChange() && hasStory(), menuItems, state, panel };
}
