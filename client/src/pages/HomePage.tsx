/**
 * The `/` page: a short welcome with the sign-in forms, or — once signed in — "Your boards".
 * After signing in it goes on to `?next=` (a board the person was trying to open) when given.
 */
import { Match, Switch } from 'solid-js';
import { useNavigate, useSearchParams } from '@solidjs/router';
import { useApp } from '../app-context.ts';
import { focusMainHeading, usePageTitle } from '../page-focus.ts';
import { AuthForms } from './AuthForms.tsx';
import { BoardsList } from './BoardsList.tsx';
import { SessionUnreachable } from '../components/SessionUnreachable.tsx';

/** Only paths inside this app: never `//other.site` or a full URL (an open redirect). */
export function safeNextPath(raw: string | string[] | undefined): string | null {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  return value;
}

export function HomePage() {
  const { session } = useApp();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  usePageTitle(() => (session.state.user === null ? 'Welcome' : 'Your boards'));

  function signedIn() {
    const next = safeNextPath(search['next']);
    if (next !== null) navigate(next, { replace: true });
    else focusMainHeading();
  }

  return (
    <Switch>
      <Match when={session.state.status === 'checking'}>
        <h1>Common Ground</h1>
        <p role="status">Loading…</p>
      </Match>
      <Match when={session.state.status === 'unreachable'}>
        <SessionUnreachable session={session} />
      </Match>
      <Match when={session.state.user}>{(user) => <BoardsList user={user()} />}</Match>
      <Match when={session.state.user === null}>
        <h1>Welcome to Common Ground</h1>
        <p class="lead">
          A shared space where patients, carers and staff map out care together, and decide what to make
          better.
        </p>
        <AuthForms onSignedIn={signedIn} />
      </Match>
    </Switch>
  );
}
