/**
 * "Sign out" in the header. Someone who joined with only a first name (a guest account) has no
 * email or password to come back with, so for them it first says so, in plain words, and offers
 * "Keep my account" before "Sign out anyway". Everyone else signs out at once.
 */
import { createSignal, Show } from 'solid-js';
import { A } from '@solidjs/router';
import type { User } from '../../../shared/api.ts';
import './sign-out.css';

export interface SignOutButtonProps {
  user: User;
  /** Signs out; the header shows a failure itself. */
  onSignOut: () => Promise<void>;
}

export function SignOutButton(props: SignOutButtonProps) {
  const [asking, setAsking] = createSignal(false);
  let question: HTMLParagraphElement | undefined;
  let toggle: HTMLButtonElement | undefined;

  function start() {
    if (!props.user.guest) return void props.onSignOut();
    setAsking(!asking());
    if (asking()) queueMicrotask(() => question?.focus());
  }

  function cancel() {
    setAsking(false);
    toggle?.focus();
  }

  return (
    <>
      <button
        type="button"
        class="button button--secondary"
        ref={toggle}
        aria-expanded={props.user.guest ? asking() : undefined}
        aria-controls={props.user.guest ? 'guest-sign-out' : undefined}
        onClick={start}
      >
        Sign out
      </button>
      <Show when={asking()}>
        <div
          id="guest-sign-out"
          class="guest-sign-out"
          role="group"
          aria-labelledby="guest-sign-out-question"
          onKeyDown={(event) => {
            if (event.key === 'Escape') cancel();
          }}
        >
          <p id="guest-sign-out-question" class="guest-sign-out__question" tabIndex={-1} ref={question}>
            Before you sign out
          </p>
          <p>
            You joined with just your name, so there is no password to come back with. If you sign out now, you
            cannot get back to your boards.
          </p>
          <p>To keep your boards, add an email and a password first. It takes a minute.</p>
          <div class="button-row">
            <A href="/account#keep-heading" class="button" onClick={() => setAsking(false)}>
              Keep my account
            </A>
            <button type="button" class="button button--danger" onClick={() => void props.onSignOut()}>
              Sign out anyway
            </button>
            <button type="button" class="button button--secondary" onClick={cancel}>
              Cancel
            </button>
          </div>
        </div>
      </Show>
    </>
  );
}
