/**
 * The `/account` page ("Your account"): change the name everyone sees, keep a guest account by
 * adding an email and password, and "Sign out everywhere". The server does not say whether an
 * account is a guest one, so "Keep your account" is offered to everyone, folded away.
 */
import { createSignal, Match, Switch } from 'solid-js';
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
  const [keepOpen, setKeepOpen] = createSignal(false);
  const rename = useFormSubmit(async (data) => {
    const user = await session.rename(formText(data, 'displayName'));
    return `Saved. People on your boards now see the name ${user.displayName}.`;
  });
  const keep = useFormSubmit(async (data) => {
    await session.addCredentials({ email: formText(data, 'email'), password: formText(data, 'password') });
    return 'Saved. You can now sign in with this email and password on any computer.';
  });
  const everywhere = useFormSubmit(async () => {
    await session.logoutEverywhere();
    navigate('/');
    return '';
  });

  return (
    <>
      <h1>Your account</h1>
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

      <section class="card" aria-labelledby="keep-heading">
        <h2 id="keep-heading">Keep your account</h2>
        <p>Keep your account so you can come back from another computer.</p>
        <p>
          If you joined a board with only your first name, add an email and a password. If you already sign in
          with an email, you do not need this.
        </p>
        <button
          type="button"
          class="button button--secondary"
          aria-expanded={keepOpen()}
          aria-controls="keep-form"
          onClick={() => setKeepOpen(!keepOpen())}
        >
          Keep your account
        </button>
        <div id="keep-form" hidden={!keepOpen()}>
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

      <section class="card" aria-labelledby="everywhere-heading">
        <h2 id="everywhere-heading">Sign out everywhere</h2>
        <p id="everywhere-hint">
          This signs you out on every computer, tablet and phone where you are signed in, this one too. Use it if you
          signed in on a computer that other people use.
        </p>
        <p>
          If you joined with only your first name, keep your account first (above). Otherwise you cannot come back
          to your boards after signing out.
        </p>
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
