/**
 * A "Are you sure?" step shown in place, for actions that cannot be undone (removing someone,
 * leaving). Focus moves to it when it appears; "No" puts things back as they were. A failure is
 * shown in it with role="alert".
 */
import { createSignal, onMount } from 'solid-js';
import { ApiError } from '../../api.ts';
import { FormAlert } from '../../components/FormAlert.tsx';

export interface ConfirmStepProps {
  /** Unique within the page: names the group and the error area. */
  id: string;
  question: string;
  /** What will happen, in one or two plain sentences. */
  detail: string;
  yesLabel: string;
  noLabel: string;
  /** Does the action; a thrown `ApiError` is shown, and `words` may reword it. */
  onYes: () => Promise<void>;
  onNo: () => void;
  /** Plain words for a known failure (for example `last_facilitator`); the server's otherwise. */
  words?: (error: ApiError) => string | null;
}

export function ConfirmStep(props: ConfirmStepProps) {
  const [error, setError] = createSignal<ApiError | string | null>(null);
  const [busy, setBusy] = createSignal(false);
  let yes: HTMLButtonElement | undefined;
  onMount(() => yes?.focus());

  async function confirm() {
    if (busy()) return;
    setBusy(true);
    setError(null);
    try {
      await props.onYes();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(props.words?.(err) ?? err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="confirm" role="group" aria-labelledby={`${props.id}-question`} aria-describedby={`${props.id}-detail`}>
      <p class="confirm__question" id={`${props.id}-question`}>
        {props.question}
      </p>
      <p id={`${props.id}-detail`}>{props.detail}</p>
      <FormAlert id={`${props.id}-error`} error={error()} />
      <div class="button-row">
        <button type="button" class="button button--danger" ref={yes} aria-disabled={busy()} onClick={() => void confirm()}>
          {props.yesLabel}
        </button>
        <button type="button" class="button button--secondary" onClick={() => props.onNo()}>
          {props.noLabel}
        </button>
      </div>
    </div>
  );
}
