/**
 * The error area of a form: always in the page (so screen readers announce new text in it
 * reliably) with role="alert", showing the server's plain-words message and any field issues.
 */
import { For, Show } from 'solid-js';
import type { ApiError } from '../api.ts';

export interface FormAlertProps {
  /** Referenced by the form's inputs via aria-describedby. */
  id: string;
  /** What went wrong: an `ApiError` from the server, words of our own, or nothing. */
  error: ApiError | string | null;
}

export function FormAlert(props: FormAlertProps) {
  const message = () => (typeof props.error === 'string' ? props.error : props.error?.message ?? '');
  const issues = () => {
    const error = props.error;
    if (error === null || typeof error === 'string') return [];
    return [...new Set(error.issues.map((issue) => issue.message))].filter((text) => text !== error.message);
  };
  return (
    <div id={props.id} role="alert" class="form-alert" classList={{ 'form-alert--shown': message() !== '' }}>
      <Show when={message() !== ''}>
        <p>{message()}</p>
        <Show when={issues().length > 0}>
          <ul>
            <For each={issues()}>{(text) => <li>{text}</li>}</For>
          </ul>
        </Show>
      </Show>
    </div>
  );
}
