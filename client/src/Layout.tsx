/**
 * The frame around every page: a skip link, a header saying who is signed in with "Your account"
 * and a "Sign out" button (which first warns a guest, see SignOutButton.tsx), and the one <main> landmark. It also moves focus to the new page's heading after an
 * in-app navigation, as a full page load would.
 */
import { createEffect, createSignal, on, Show } from 'solid-js';
import { A, useLocation, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { ApiError } from './api.ts';
import { useApp } from './app-context.ts';
import { focusMainHeading } from './page-focus.ts';
import { SignOutButton } from './components/SignOutButton.tsx';

export function Layout(props: RouteSectionProps) {
  const { session } = useApp();
  const location = useLocation();
  const navigate = useNavigate();
  const [signOutError, setSignOutError] = createSignal('');
  let main: HTMLElement | undefined;

  createEffect(on(() => location.pathname, focusMainHeading, { defer: true }));

  async function signOut() {
    setSignOutError('');
    try {
      await session.logout();
      navigate('/');
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setSignOutError(err.message);
    }
  }

  return (
    <>
      <a
        class="skip-link"
        href="#main"
        onClick={(event) => {
          // Handled here: the router would otherwise treat the link as a navigation and not move focus.
          event.preventDefault();
          main?.focus();
        }}
      >
        Skip to main content
      </a>
      <header class="site-header">
        <A href="/" class="brand" end>
          Common Ground
        </A>
        <Show when={session.state.user}>
          {(user) => (
            <div class="signed-in">
              <span>
                Signed in as <strong>{user().displayName}</strong>
              </span>
              <A href="/account" class="account-link">
                Your account
              </A>
              <SignOutButton user={user()} onSignOut={signOut} />
            </div>
          )}
        </Show>
      </header>
      <Show when={signOutError() !== ''}>
        <p role="alert" class="notice notice--error">
          {signOutError()}
        </p>
      </Show>
      <main id="main" tabIndex={-1} ref={main}>
        {props.children}
      </main>
    </>
  );
}
