/**
 * The `/account` page ("Your account"): keep a guest account by adding an email and password
 * (shown first, and only to guests: `user.guest` from `/api/me`), change the name everyone sees,
 * and "Sign out everywhere".
 */
import { Match, Show, Switch } from 'solid-js';
import { A, useNavigate } from '@solidjs/router';
import type { User } from '../../../shared/api.ts';
import { useApp } from '../app-context.ts';
import { FormAlert } from '../components/FormAlert.tsx';
import { formText, useFormSubmit } from '../components/form-submit.ts';
import { NameField } from '../components/NameField.tsx';
import { SessionUnreachable } from '../components/SessionUnreachable.tsx';
import { usePageTitle } from '../page-focus.ts';

export function AccountPage() {
  const { session } = useApp();
  usePageTitle(() => 'Your account');
  return (
    <Switch>
      <Match when={session.state.status === 'checking'}>
        <h1>Your account</h1>
        <p role="status">Loading…</p>
      </Match>
      <Match when={session.state.status === 'unreachable'}>
        <SessionUnreachable session={session} />
      </Match>
      <Match when={session.state.user}>{(user) => <AccountForms user={user()} />}</Match>
      <Match when={session.state.user === null}>
        <h1>Your account</h1>
        <p>
          You are not signed in. <A href="/?next=%2Faccount">Go to sign in</A>
        </p>
      </Match>
    </Switch>
  );
}

function AccountForms(props: { user: User }) {
  const { session } = useApp();
  const navigate = useNavigate();
  const rename = useFormSubmit(async (data) => {
    const user = await session.rename(formText(data, 'displayName'));
    return `Saved. People on your boards now see the name ${user.displayName}.`;
  });
  const keep = useFormSubmit(async (data) => {
    await session.addCredentials({ email: formText(data, 'email'), password: formText(data, 'password') });
    return 'Saved. You can now sign in with this email and password on any computer.';
  });
  // Read once: after "Keep your account" succeeds the section stays, to say it was saved.
  const joinedAsGuest = props.user.guest;
  const everywhere = useFormSubmit(async () => {
    await session.logoutEverywhere();
    navigate('/');
    return '';
  });

  return (
    <>
      <h1>Your account</h1>
      <Show when={joinedAsGuest}>
        <section class="card" aria-labelledby="keep-heading">
          <h2 id="keep-heading">Keep your account</h2>
          <p>
            You joined with just your name. Add an email and a password so you can come back to your boards after
            signing out, or from another computer.
          </p>
          <div id="keep-form">
            <form aria-labelledby="keep-heading" novalidate onSubmit={(event) => void keep.onSubmit(event)}>
              <div class="field">
                <label for="keep-email">Email</label>
                <input id="keep-email" name="email" type="email" autocomplete="username" required aria-describedby="keep-error" />
              </div>
              <div class="field">
                <label for="keep-password">Password</label>
                <p class="hint" id="keep-password-hint">
                  At least 10 characters. A few words you will remember work well.
                </p>
                <input
                  id="keep-password"
                  name="password"
                  type="password"
                  autocomplete="new-password"
                  required
                  aria-describedby="keep-password-hint keep-error"
                />
              </div>
              <FormAlert id="keep-error" error={keep.error()} />
              <p role="status">{keep.done()}</p>
              <button type="submit" class="button" aria-disabled={keep.busy()}>
                Save
              </button>
            </form>
          </div>
        </section>
      </Show>

      <section class="card" aria-labelledby="name-heading">
        <h2 id="name-heading">Change your name</h2>
        <form aria-labelledby="name-heading" novalidate onSubmit={(event) => void rename.onSubmit(event)}>
          <NameField
            id="account-name"
            label="Your name"
            hint="Everyone on your boards sees this name, and nothing else about you."
            errorId="account-name-error"
            value={props.user.displayName}
          />
          <FormAlert id="account-name-error" error={rename.error()} />
          <p role="status">{rename.done()}</p>
          <button type="submit" class="button" aria-disabled={rename.busy()}>
            Save name
          </button>
        </form>
      </section>

      <section class="card" aria-labelledby="everywhere-heading">
        <h2 id="everywhere-heading">Sign out everywhere</h2>
        <p id="everywhere-hint">
          This signs you out on every computer, tablet and phone where you are signed in, this one too. Use it if you
          signed in on a computer that other people use.
        </p>
        <Show when={props.user.guest}>
          <p>Keep your account first (above). Otherwise you cannot come back to your boards after signing out.</p>
        </Show>
        <form novalidate onSubmit={(event) => void everywhere.onSubmit(event)}>
            <FormAlert id="everywhere-error" error={everywhere.error()} />
            <button type="submit" class="button button--danger" aria-describedby="everywhere-hint" aria-disabled={everywhere.busy()}>
              Sign out everywhere
            </button>
        </form>
      </section>
    </>
  );
}
