/**
 * A card's part in storyteller consent (issue 17), for TouchpointCard.tsx: the story's sharing
 * state in words for everyone (shown with the story), the two items of the card's menu for the
 * storyteller and facilitators ("How this story may be shared…", "Withdraw my story" or "Withdraw
 * this story for Sam"), the panel each opens in place, and, once a story is withdrawn here, the
 * card saying it is gone (and, to everyone else, that its storyteller took it back). Easy read's
 * one-moment view (easy-read/OneMoment.tsx) uses the same parts, with its own buttons in place of
 * the menu (`actions`, `open`) and focus going back to them (`focusBack`). Who is offered what
 * follows the server's guard: the card's `createdBy` with any access, or a facilitator
 * (shared/consent.ts maySpeakForStory).
 */
import { createSignal, Match, Show, Switch, type Accessor, type JSX } from 'solid-js';
import type * as Y from 'yjs';
import type { MenuItem } from '../../components/MenuButton.tsx';
import { focusSoon, useBoard } from '../board-context.ts';
import { touchpointButtonId } from '../control-ids.ts';
import { consentMenuWords, consentStateWords, withdrawnStoryWords, withdrawnWords, withdrawWords, type StoryVoice } from './consent-words.ts';
import { withUndoNote } from './forget-withdrawn.ts';
import { StoryConsentPanel } from './StoryConsentPanel.tsx';
import { createConsent, createWithdrawnMark, storytellerOf } from './story-consent.ts';
import { WithdrawStoryPanel } from './WithdrawStoryPanel.tsx';
import './consent.css';

/** The two panels a storyteller or facilitator may open. */
export type ConsentPanel = 'consent' | 'withdraw';

export interface CardConsent {
  /** This person may say how the story is shared, and withdraw it, and there is a story. */
  mayChange: Accessor<boolean>;
  /** The card menu's items for them (none for anyone else). */
  menuItems: () => MenuItem[];
  /** The same, as what each opens and its words, for a place with buttons in place of a menu. */
  actions: () => { panel: ConsentPanel; label: string; danger: boolean }[];
  /** Opens a panel (closing the other). */
  open: (panel: ConsentPanel) => void;
  /** The story was withdrawn (here, or by the server's mark) and none has been written since. */
  withdrawn: Accessor<boolean>;
  /** The sharing state under the story, or the words that it was withdrawn. */
  state: JSX.Element;
  /** The open panel, if any. */
  panel: JSX.Element;
}

/**
 * Call in the card's component. `story` is the story's text as it is now. `focusBack` gives the
 * ids to focus, first found first, when a panel closes or the story has been withdrawn (default:
 * the card's menu button, then the words saying the story is gone); `idPrefix` keeps the words'
 * id apart from the card's.
 */
export function createCardConsent(props: {
  touchpoint: Y.Map<unknown>;
  id: string;
  story: Accessor<string>;
  focusBack?: (from: ConsentPanel, withdrawn: boolean) => string[];
  idPrefix?: string;
}): CardConsent {
  const board = useBoard();
  const consent = createConsent(props.touchpoint);
  const storyteller = storytellerOf(props.touchpoint);
  const mayChange = () => board.canFacilitate() || (storyteller !== null && storyteller === board.userId);
  const hasStory = () => props.story().trim() !== '';
  const voice = (): StoryVoice =>
    storyteller === board.userId ? { own: true } : { own: false, storyteller: storyteller === null ? null : board.names.who(storyteller) };
  const withdrawnNoteId = `${props.idPrefix ?? 'touchpoint'}-${props.id}-withdrawn`;
  const [open, setOpen] = createSignal<ConsentPanel | null>(null);
  // What was said when this person withdrew the story here; shown while the card has no story.
  const [withdrawn, setWithdrawn] = createSignal<string | null>(null);
  // The server marks a withdrawn story (`withdrawnAt`): everyone else is told it was taken back.
  const marked = createWithdrawnMark(props.touchpoint);
  const focusBack =
    props.focusBack ??
    ((_from: ConsentPanel, gone: boolean) =>
      // A storyteller who may only comment has no menu on a card without a story: focus goes to
      // the words saying it is gone.
      gone && !board.canEdit() ? [withdrawnNoteId] : [touchpointButtonId(props.id, 'actions'), withdrawnNoteId]);
  const back = (from: ConsentPanel) => {
    setOpen(null);
    focusSoon(...focusBack(from, false));
  };

  // Offered once there is a story to share or withdraw (a card without one has nothing to say yet).
  const actions = () =>
    !mayChange() || !hasStory()
      ? []
      : [
          { panel: 'consent' as const, label: consentMenuWords, danger: false },
          { panel: 'withdraw' as const, label: withdrawWords(voice()).menu, danger: true },
        ];
  const menuItems = (): MenuItem[] => actions().map((action) => ({ label: action.label, danger: action.danger, onSelect: () => setOpen(action.panel) }));

  const state = (
    <Switch>
      <Match when={hasStory()}>
        <p class="touchpoint__consent" data-consent={consent()}>
          <span class="visually-hidden">Sharing: </span>
          {consentStateWords[consent()]}
        </p>
      </Match>
      <Match when={withdrawn() ?? (marked() ? withdrawnStoryWords : null)}>
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
          <StoryConsentPanel touchpoint={props.touchpoint} consent={consent()} voice={voice()} onClose={() => back('consent')} />
        </Match>
        <Match when={open() === 'withdraw'}>
          <WithdrawStoryPanel
            touchpointId={props.id}
            voice={voice()}
            onKeep={() => back('withdraw')}
            onWithdrawn={(result) => {
              const words = withdrawnWords(voice(), result);
              setWithdrawn(words);
              // This page's Undo has forgotten the story already (forget-withdrawn.ts, on the
              // server's change, which arrives before its answer); say so with the news if it had steps.
              board.announcer.say(withUndoNote(board.doc, props.id, words));
              setOpen(null);
              // (The server sends the emptied story before it answers, so the card has none by now.)
              focusSoon(...focusBack('withdraw', true));
            }}
          />
        </Match>
      </Switch>
    </Show>
  );

  return {
    mayChange: () => mayChange() && hasStory(),
    menuItems,
    actions,
    open: setOpen,
    withdrawn: () => !hasStory() && (withdrawn() !== null || marked()),
    state,
    panel,
  };
}
