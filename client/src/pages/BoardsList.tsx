/**
 * "Your boards": the signed-in person's boards as links, and a form to create a new one. A new
 * board opens straight away, since making it is almost always followed by working on it.
 */
import { createSignal, For, Match, onMount, Show, Switch } from 'solid-js';
import { A, useNavigate } from '@solidjs/router';
import type { Board, User } from '../../../shared/api.ts';
import type { Access } from '../../../shared/access.ts';
import { ApiError } from '../api.ts';
import { useApp } from '../app-context.ts';
import { FormAlert } from '../components/FormAlert.tsx';
import { unreadWords } from './unread-words.ts';

/** What a permission lets the person do, in plain words (a permission, never a role). */
const accessWords: Record<Access, string> = {
  facilitate: 'You run this board',
  edit: 'You can add and change things',
  comment: 'You can comment and give feelings',
  view: 'You can look',
};

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

function madeOn(board: Board): string {
  const date = new Date(board.createdAt);
  return Number.isNaN(date.getTime()) ? '' : `Made on ${dateFormat.format(date)}`;
}

function CreateBoardForm() {
  const { boards } = useApp();
  const navigate = useNavigate();
  const [error, setError] = createSignal<ApiError | string | null>(null);
  const [busy, setBusy] = createSignal(false);

  async function onSubmit(event: SubmitEvent & { currentTarget: HTMLFormElement }) {
    event.preventDefault();
    if (busy()) return;
    const value = new FormData(event.currentTarget).get('title');
    const title = typeof value === 'string' ? value.trim() : '';
    if (title === '') {
      setError('Please give the board a title.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const board = await boards.create(title);
      navigate(`/boards/${encodeURIComponent(board.id)}`);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="create-board-heading">
      <h2 id="create-board-heading">Start a new board</h2>
      <form aria-labelledby="create-board-heading" novalidate onSubmit={(event) => void onSubmit(event)}>
        <div class="field">
          <label for="create-board-title">Board title</label>
          <p class="hint" id="create-board-title-hint">
            For example: “Going home from Ward 7”.
          </p>
          <input
            id="create-board-title"
            name="title"
            type="text"
            maxLength={120}
            required
            aria-invalid={error() !== null}
            aria-describedby="create-board-title-hint create-board-error"
          />
        </div>
        <FormAlert id="create-board-error" error={error()} />
        <button type="submit" class="button" aria-disabled={busy()}>
          Create board
        </button>
      </form>
    </section>
  );
}

export function BoardsList(props: { user: User }) {
  const { boards } = useApp();
  // Back from a board: what is new has changed (the store loads the list itself on sign-in).
  onMount(() => {
    if (boards.state.status === 'ready') void boards.reload();
  });
  return (
    <>
      <h1>Your boards</h1>
      <p class="lead">Hello, {props.user.displayName}. Pick a board to open it, or start a new one.</p>
      <section aria-labelledby="board-list-heading">
        <h2 id="board-list-heading" class="visually-hidden">
          Boards you belong to
        </h2>
        <Switch>
          <Match when={boards.state.status === 'loading' && boards.state.list.length === 0}>
            <p role="status">Getting your boards…</p>
          </Match>
          <Match when={boards.state.status === 'failed'}>
            <p role="alert">{boards.state.error?.message}</p>
            <button type="button" class="button button--secondary" onClick={() => void boards.reload()}>
              Try again
            </button>
          </Match>
          <Match when={boards.state.list.length === 0}>
            <p>You have no boards yet. Start one below, or open an invite link someone sent you.</p>
          </Match>
          <Match when={boards.state.list.length > 0}>
            <ul class="board-list">
              <For each={boards.state.list}>
                {(board) => (
                  <li>
                    <A href={`/boards/${encodeURIComponent(board.id)}`} class="board-link">
                      <span class="board-link__title">{board.title}</span>
                      <span class="board-link__meta">
                        {accessWords[board.access]}
                        <Show when={madeOn(board) !== ''}>. {madeOn(board)}</Show>
                      </span>
                      {/* Part of the link's name, so a screen reader says it with the board. */}
                      <Show when={unreadWords(board.unread)}>
                        {(words) => (
                          <span class="board-link__news">
                            <span class="visually-hidden">. </span>
                            {words()}
                          </span>
                        )}
                      </Show>
                    </A>
                  </li>
                )}
              </For>
            </ul>
          </Match>
        </Switch>
      </section>
      <CreateBoardForm />
    </>
  );
}
