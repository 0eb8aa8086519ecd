/**
 * Signing in and making an account, one form at a time so a first-time visitor only ever sees
 * three boxes. Server messages (wrong password, email already used...) appear next to the form.
 */
import { createSignal, Match, Switch } from 'solid-js';
import { useApp } from '../app-context.ts';
import { FormAlert } from '../components/FormAlert.tsx';
import { formText, useFormSubmit } from '../components/form-submit.ts';
import { NameField } from '../components/NameField.tsx';

export interface AuthFormsProps {
  /** Called once the person is signed in (by either form). */
  onSignedIn: () => void;
}

type Mode = 'sign-in' | 'create-account';

function PasswordField(props: { id: string; autocomplete: string; hintId?: string; describedBy: string }) {
  const [shown, setShown] = createSignal(false);
  return (
    <div class="field">
      <label for={props.id}>Password</label>
      {props.hintId !== undefined && (
        <p class="hint" id={props.hintId}>
          At least 10 characters. A few words you will remember work well.
        </p>
      )}
      <input
        id={props.id}
        name="password"
        type={shown() ? 'text' : 'password'}
        autocomplete={props.autocomplete}
        required
        aria-describedby={[props.hintId, props.describedBy].filter(Boolean).join(' ')}
      />
      <label class="checkbox">
        <input type="checkbox" checked={shown()} onChange={(event) => setShown(event.currentTarget.checked)} />
        Show password
      </label>
    </div>
  );
}

function SignInForm(props: AuthFormsProps & { onSwitch: () => void }) {
  const { session } = useApp();
  const form = useFormSubmit(async (data) => {
    await session.login({ email: formText(data, 'email'), password: formText(data, 'password') });
    props.onSignedIn();
  });
  return (
    <section class="card" aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">Sign in</h2>
      <form aria-labelledby="sign-in-heading" novalidate onSubmit={(event) => void form.onSubmit(event)}>
        <div class="field">
          <label for="sign-in-email">Email</label>
          <input id="sign-in-email" name="email" type="email" autocomplete="username" required aria-describedby="sign-in-error" />
        </div>
        <PasswordField id="sign-in-password" autocomplete="current-password" describedBy="sign-in-error" />
        <FormAlert id="sign-in-error" error={form.error()} />
        <button type="submit" class="button" aria-disabled={form.busy()}>
          Sign in
        </button>
      </form>
      <p class="switch">
        New to Common Ground?{' '}
        <button type="button" class="link-button" onClick={props.onSwitch}>
          Make an account
        </button>
      </p>
    </section>
  );
}

function CreateAccountForm(props: AuthFormsProps & { onSwitch: () => void }) {
  const { session } = useApp();
  const form = useFormSubmit(async (data) => {
    await session.register({
      displayName: formText(data, 'displayName'),
      email: formText(data, 'email'),
      password: formText(data, 'password'),
    });
    props.onSignedIn();
  });
  return (
    <section class="card" aria-labelledby="create-account-heading">
      <h2 id="create-account-heading">Make an account</h2>
      <form aria-labelledby="create-account-heading" novalidate onSubmit={(event) => void form.onSubmit(event)}>
        <NameField
          id="create-account-name"
          label="Your first name"
          hint="Everyone on a board sees this name, and nothing else about you."
          errorId="create-account-error"
        />
        <div class="field">
          <label for="create-account-email">Email</label>
          <input id="create-account-email" name="email" type="email" autocomplete="username" required aria-describedby="create-account-error" />
        </div>
        <PasswordField
          id="create-account-password"
          autocomplete="new-password"
          hintId="create-account-password-hint"
          describedBy="create-account-error"
        />
        <FormAlert id="create-account-error" error={form.error()} />
        <button type="submit" class="button" aria-disabled={form.busy()}>
          Create account
        </button>
      </form>
      <p class="switch">
        Already have an account?{' '}
        <button type="button" class="link-button" onClick={props.onSwitch}>
          Go back to signing in
        </button>
      </p>
    </section>
  );
}

/** The sign-in form, with a way to switch to making an account (and back). */
export function AuthForms(props: AuthFormsProps) {
  const [mode, setMode] = createSignal<Mode>('sign-in');
  // After switching, put focus on the new form's first box so keyboard users are not lost.
  const switchTo = (next: Mode) => {
    setMode(next);
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>('main form input')?.focus());
  };
  return (
    <Switch>
      <Match when={mode() === 'sign-in'}>
        <SignInForm onSignedIn={props.onSignedIn} onSwitch={() => switchTo('create-account')} />
      </Match>
      <Match when={mode() === 'create-account'}>
        <CreateAccountForm onSignedIn={props.onSignedIn} onSwitch={() => switchTo('sign-in')} />
      </Match>
    </Switch>
  );
}
