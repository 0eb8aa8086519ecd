/**
 * The `/invite/:token` page: before anyone joins, it says in plain words what the board is about,
 * what they can do there, who sees what they write and how to leave. Someone not signed in joins
 * with only a first name (the server makes a guest account); someone signed in joins with one
 * button. A link that no longer works says why and what to do next.
 */
import { createSignal, Match, Show, Switch } from 'solid-js';
import { A, useNavigate, useParams } from '@solidjs/router';
import type { InvitePreview } from '../../../shared/api.ts';
import { accessForYou } from '../access-words.ts';
import { ApiError } from '../api.ts';
import { useApp } from '../app-context.ts';
import { FormAlert } from '../components/FormAlert.tsx';
import { NameField } from '../components/NameField.tsx';
import { SessionUnreachable } from '../components/SessionUnreachable.tsx';
import { focusMainHeading, usePageTitle } from '../page-focus.ts';

/** Why an invite link does not work, in our own words (the server's message is the fallback). */
const brokenLinkWords: Readonly<Record<string, string>> = {
  invite_expired: 'This invite link is too old, so it has stopped working.',
  invite_used_up: 'This invite link has already been used by as many people as it allows.',
  invite_revoked: 'The person who made this invite link has stopped it.',
  not_found: 'We could not find this invite. Please check that you have the whole link.',
};

/** A link that will never work (404/410), as opposed to a failure worth trying again. */
const isBrokenLink = (err: ApiError) => err.status === 404 || err.status === 410;

type Load = { kind: 'loading' } | { kind: 'ready'; preview: InvitePreview } | { kind: 'failed'; error: ApiError };

export function InvitePage() {
  const params = useParams<{ token: string }>();
  const { api, session } = useApp();
  const [load, setLoad] = createSignal<Load>({ kind: 'loading' });
  usePageTitle(() => {
    const now = load();
    if (now.kind === 'ready') return `Join ${now.preview.boardTitle}`;
    return now.kind === 'failed' ? 'This invite link does not work' : 'Join a board';
  });

  async function fetchPreview() {
    setLoad({ kind: 'loading' });
    try {
      setLoad({ kind: 'ready', preview: await api.previewInvite(params.token) });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setLoad({ kind: 'failed', error: err });
    }
    focusMainHeading();
  }
  void fetchPreview();

  const ready = () => {
    const now = load();
    return now.kind === 'ready' ? now.preview : null;
  };
  const failed = () => {
    const now = load();
    return now.kind === 'failed' ? now.error : null;
  };

  return (
    <Switch>
      <Match when={session.state.status === 'unreachable'}>
        <SessionUnreachable session={session} />
      </Match>
      <Match when={failed()}>
        {(error) => (
          <Show
            when={isBrokenLink(error())}
            fallback={
              <>
                <h1>We could not open this invite</h1>
                <p>{error().message}</p>
                <button type="button" class="button" onClick={() => void fetchPreview()}>
                  Try again
                </button>
              </>
            }
          >
            <h1>This invite link does not work</h1>
            <p>{brokenLinkWords[error().serverCode] ?? error().message}</p>
            <p>Ask the person who invited you for a new link.</p>
            <p>
              <A href="/">Go to the home page</A>
            </p>
          </Show>
        )}
      </Match>
      <Match when={session.state.status === 'ready' && ready()}>
        {(preview) => <InviteWelcome token={params.token} preview={preview()} onBroken={(error) => setLoad({ kind: 'failed', error })} />}
      </Match>
      <Match when={true}>
        <h1>Join a board</h1>
        <p role="status">Loading…</p>
      </Match>
    </Switch>
  );
}

function InviteWelcome(props: { token: string; preview: InvitePreview; onBroken: (error: ApiError) => void }) {
  const { session } = useApp();
  const navigate = useNavigate();
  const [error, setError] = createSignal<ApiError | string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const people = () => (props.preview.memberCount === 1 ? '1 person' : `${props.preview.memberCount} people`);
  const signInPath = () => `/?next=${encodeURIComponent(`/invite/${props.token}`)}`;

  async function join(event: SubmitEvent & { currentTarget: HTMLFormElement }) {
    event.preventDefault();
    if (busy()) return;
    let name: string | undefined;
    if (session.state.user === null) {
      const value = new FormData(event.currentTarget).get('displayName');
      name = typeof value === 'string' ? value.trim() : '';
      if (name === '') {
        setError('Please tell us your first name.');
        event.currentTarget.querySelector('input')?.focus();
        return;
      }
    }
    setBusy(true);
    setError(null);
    try {
      const boardId = await session.joinByInvite(props.token, name);
      navigate(`/boards/${encodeURIComponent(boardId)}`);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (isBrokenLink(err)) props.onBroken(err);
      else setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="invite">
      <h1>You are invited to join “{props.preview.boardTitle}”</h1>
      <section class="card" aria-labelledby="invite-join">
        <h2 id="invite-join">Join the board</h2>
        <p>
          {accessForYou[props.preview.access]}{' '}
          Only the people on this board see what you write, and only your first name. More about the board is below.
        </p>
        <form aria-labelledby="invite-join" novalidate onSubmit={(event) => void join(event)}>
          <Show
            when={session.state.user}
            fallback={
              <NameField
                id="invite-name"
                label="Your first name"
                hint="You do not need an email or a password."
                errorId="invite-error"
                invalid={typeof error() === 'string'}
              />
            }
          >
            {(user) => <p>You will join as {user().displayName}.</p>}
          </Show>
          <FormAlert id="invite-error" error={error()} />
          <button type="submit" class="button" aria-disabled={busy()}>
            Join the board
          </button>
        </form>
        <Show when={session.state.user === null}>
          <p class="switch">
            <A href={signInPath()}>I already have an account</A>
          </p>
        </Show>
      </section>
      <section aria-labelledby="invite-about">
        <h2 id="invite-about">What the board is about</h2>
        <p class="lead">
          <Show when={props.preview.purpose.trim() !== ''} fallback={<>This board is called “{props.preview.boardTitle}”.</>}>
            {props.preview.purpose}
          </Show>
        </p>
      </section>
      <section aria-labelledby="invite-can-do">
        <h2 id="invite-can-do">What you can do</h2>
        <p>{accessForYou[props.preview.access]}</p>
      </section>
      <section aria-labelledby="invite-who-sees">
        <h2 id="invite-who-sees">Who can see what you write</h2>
        <p>
          Only the people on this board ({people()} now), and nobody else. They see your first name, and nothing
          else about you.
        </p>
      </section>
      <section aria-labelledby="invite-leave">
        <h2 id="invite-leave">How to leave</h2>
        <p>You can leave at any time. On the board, press “People on this board”, then “Leave this board”.</p>
      </section>
    </div>
  );
}
