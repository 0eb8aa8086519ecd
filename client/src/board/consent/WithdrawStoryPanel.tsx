/**
 * "Withdraw my story" (issue 17), opened in place on a card from its menu by the storyteller, or by
 * a facilitator "for Sam": it says plainly that the words go for good, offers to remove the
 * storyteller's feelings and comments on that moment too (two checkboxes, both off), and has
 * "Withdraw the story" and "Keep it". Withdrawing is a request to the server, which removes the
 * words and compacts the board before it answers (shared/consent.ts), so it needs a connection;
 * offline, or on a refusal, the reason is shown in words and nothing changes. Focus starts on the
 * group, which reads its question and what will happen; Escape or "Keep it" closes it.
 */
import { createSignal, createUniqueId, onMount } from 'solid-js';
import type { WithdrawResult } from '../../../../shared/consent.ts';
import { ApiError } from '../../api.ts';
import { useApp } from '../../app-context.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useMyComments } from '../comments/my-comments.ts';
import { withdrawFailureWords, withdrawOffline, withdrawWords, type StoryVoice } from './consent-words.ts';

export interface WithdrawStoryPanelProps {
  touchpointId: string;
  voice: StoryVoice;
  /** The story is gone: what the server answered. */
  onWithdrawn: (result: WithdrawResult) => void;
  /** "Keep it" or Escape. */
  onKeep: () => void;
}

export function WithdrawStoryPanel(props: WithdrawStoryPanelProps) {
  const { api } = useApp();
  // The board's id and whether it is live (what goes through the API needs a connection).
  const my = useMyComments();
  const id = createUniqueId();
  const words = () => withdrawWords(props.voice);
  const [feelings, setFeelings] = createSignal(false);
  const [comments, setComments] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  let group: HTMLDivElement | undefined;
  onMount(() => group?.focus());

  const withdraw = async () => {
    if (busy()) return;
    if (!my.online()) {
      setError(withdrawOffline);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await api.withdrawStory(my.boardId, props.touchpointId, { feelings: feelings(), comments: comments() });
      props.onWithdrawn(result);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(withdrawFailureWords(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      ref={group}
      class="confirm story-withdraw"
      role="group"
      tabIndex={-1}
      aria-labelledby={`${id}-question`}
      aria-describedby={`${id}-detail`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          props.onKeep();
        }
      }}
    >
      <p class="confirm__question" id={`${id}-question`}>
        {words().question}
      </p>
      <p id={`${id}-detail`}>{words().detail}</p>
      <label class="checkbox">
        <input type="checkbox" checked={feelings()} onChange={(event) => setFeelings(event.currentTarget.checked)} />
        {words().feelings}
      </label>
      <label class="checkbox">
        <input type="checkbox" checked={comments()} onChange={(event) => setComments(event.currentTarget.checked)} />
        {words().comments}
      </label>
      <FormAlert id={`${id}-error`} error={error()} />
      <div class="button-row">
        <button
          type="button"
          class="button button--danger button--small"
          aria-disabled={busy() ? 'true' : undefined}
          aria-describedby={`${id}-error`}
          onClick={() => void withdraw()}
        >
          {words().yes}
        </button>
        <button type="button" class="button button--secondary button--small" onClick={() => props.onKeep()}>
          {words().no}
        </button>
      </div>
    </div>
  );
}
