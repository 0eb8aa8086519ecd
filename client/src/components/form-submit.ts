/**
 * Submitting the account forms (sign in, make an account, rename, keep your account, sign out
 * everywhere): one submit at a time, an `ApiError` kept where the form shows it, and an optional
 * plain-words confirmation for a status line.
 */
import { createSignal } from 'solid-js';
import { ApiError } from '../api.ts';

/** `action` gets the form's data and may return what to say once it is done. */
export function useFormSubmit(action: (data: FormData) => Promise<string | void>) {
  const [error, setError] = createSignal<ApiError | null>(null);
  const [done, setDone] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  async function onSubmit(event: SubmitEvent & { currentTarget: HTMLFormElement }) {
    event.preventDefault();
    if (busy()) return;
    setBusy(true);
    setError(null);
    setDone('');
    try {
      setDone((await action(new FormData(event.currentTarget))) ?? '');
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return { error, done, busy, onSubmit };
}

/** A text field's value from form data ('' when missing). */
export function formText(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}
