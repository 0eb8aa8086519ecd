/**
 * The `/boards/:id` page. It waits to know who is signed in, then opens the board's live
 * connection for as long as the page shows that board: the journey's stages as columns with
 * their touchpoint cards, who is here, and the connection status.
 */
import { createEffect, createSignal, For, Match, onCleanup, Show, Switch } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import type { Board, User } from '../../../shared/api.ts';
import { canEdit } from '../../../shared/access.ts';
import { boardTypes, newStage } from '../../../shared/board-document.ts';
import { ApiError } from '../api.ts';
import { useApp } from '../app-context.ts';
import { usePageTitle } from '../page-focus.ts';
import { AddItemForm } from './AddItemForm.tsx';
import { createBoardView } from './board-view.ts';
import { openBoardConnection } from './connection.ts';
import { ConnectionStatus } from './ConnectionStatus.tsx';
import { PresenceList } from './PresenceList.tsx';
import { announcePresence, createPresenceList } from './presence.ts';
import { randomId } from './random-id.ts';
import { StageColumn } from './StageColumn.tsx';
import { SessionUnreachable } from '../components/SessionUnreachable.tsx';

function BoardScreen(props: { boardId: string; user: User }) {
  const { api } = useApp();
  const connection = openBoardConnection(props.boardId);
  onCleanup(() => connection.destroy());
  announcePresence(connection.provider.awareness, props.user);
  const view = createBoardView(connection.doc);
  const people = createPresenceList(connection.provider.awareness);
  const { stages, touchpoints } = boardTypes(connection.doc);

  // The board's record says what this person may do; ask once the sync has let them in.
  const [board, setBoard] = createSignal<Board | null>(null);
  const [accessUnknown, setAccessUnknown] = createSignal(false);
  createEffect(() => {
    if (!connection.loaded() || board() !== null) return;
    api.getBoard(props.boardId).then(setBoard, (err: unknown) => {
      if (!(err instanceof ApiError)) throw err;
      setAccessUnknown(true);
    });
  });

  const refused = () => connection.state().kind === 'refused';
  const editable = () => {
    const access = board()?.access;
    return access !== undefined && canEdit(access);
  };
  const title = () => (refused() ? 'This board could not be opened' : view.title().trim() || board()?.title || 'Board');
  usePageTitle(title);

  return (
    <div class="board">
      <h1>{title()}</h1>
      <div class="board__bar">
        <ConnectionStatus state={connection.state()} boardPath={`/boards/${encodeURIComponent(props.boardId)}`} />
        <Show when={!refused()}>
          <PresenceList people={people()} />
        </Show>
      </div>
      <Show when={!refused()}>
        <Show when={connection.loaded()} fallback={<p>Getting the board…</p>}>
          <Show when={board() !== null && !editable()}>
            <p class="notice">You can look at this board, but not change it.</p>
          </Show>
          <Show when={accessUnknown()}>
            <p class="notice">We could not check what you may change here. Reload the page to try again.</p>
          </Show>
          <Show when={view.stages.length === 0}>
            <p>
              This board has no stages yet. Stages are the steps of the journey, like “Referral”, “Arriving” or
              “Going home”.
            </p>
          </Show>
          <ol class="stages" aria-label="Stages of the journey">
            <For each={view.stages}>
              {(stage, index) => (
                <StageColumn
                  stage={stage}
                  step={index() + 1}
                  view={view}
                  touchpoints={touchpoints}
                  canEdit={editable()}
                  userId={props.user.id}
                />
              )}
            </For>
          </ol>
          <Show when={editable()}>
            <AddItemForm
              action="Add stage"
              label="Stage title"
              emptyMessage="Please give the stage a title."
              onAdd={(stageTitle) => stages.push([newStage(randomId(), stageTitle)])}
            />
          </Show>
        </Show>
      </Show>
    </div>
  );
}

export function BoardPage() {
  const params = useParams<{ id: string }>();
  const { session } = useApp();
  return (
    <Switch>
      <Match when={session.state.status === 'checking'}>
        <h1>Opening the board…</h1>
      </Match>
      <Match when={session.state.status === 'unreachable'}>
        <SessionUnreachable session={session} />
      </Match>
      <Match when={session.state.user}>
        {(user) => (
          // Keyed on the id: moving to another board closes this one's connection and opens the next.
          <Show when={params.id} keyed>
            {(boardId) => <BoardScreen boardId={boardId} user={user()} />}
          </Show>
        )}
      </Match>
      <Match when={session.state.user === null}>
        <h1>Please sign in to open this board</h1>
        <p>
          <A href={`/?next=${encodeURIComponent(`/boards/${params.id ?? ''}`)}`}>Go to sign in</A>
        </p>
      </Match>
    </Switch>
  );
}
