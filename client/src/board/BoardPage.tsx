/**
 * The `/boards/:id` page. It waits to know who is signed in, then opens the board's live
 * connection for as long as the page shows that board: the journey's stages as columns with
 * their touchpoint cards, who is here, and the connection status; above the map the board's step
 * in the method and "Parts of this board" (method/: the priorities, each area's workspace, the
 * review, one at a time by the address's `?view=`). When the server refuses a
 * change sent from here (close code 4422; an honest page never meets it), the board is loaded
 * afresh — a new document and connection — and the page says so in plain words.
 */
import { createEffect, createMemo, createSignal, For, Match, on, onCleanup, Show, Switch } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import type { Board, User } from '../../../shared/api.ts';
import { canComment, canEdit, canFacilitate, type Access } from '../../../shared/access.ts';
import { boardTypes, newStage } from '../../../shared/board-document.ts';
import { stageTitleMaxLength } from '../../../shared/limits.ts';
import { ApiError } from '../api.ts';
import { useApp } from '../app-context.ts';
import { usePageTitle } from '../page-focus.ts';
import { AddItemForm } from './AddItemForm.tsx';
import { createAnnouncer } from './announcer.ts';
import { BoardProvider, spokenTitle, type BoardContextValue } from './board-context.ts';
import { BoardDetails } from './BoardDetails.tsx';
import { BoardToolbar } from './BoardToolbar.tsx';
import { bindHistoryKeys, createBoardUndo } from './board-undo.ts';
import { createBoardView } from './board-view.ts';
import { addStageButtonId } from './control-ids.ts';
import { localOrigin } from './local-origin.ts';
import { openBoardConnection } from './connection.ts';
import { ConnectionStatus } from './ConnectionStatus.tsx';
import { PresenceList } from './PresenceList.tsx';
import { announcePresence, createPresence } from './presence.ts';
import { keepFocusClearOf } from './pinned-bar.ts';
import { randomId } from './random-id.ts';
import { StageColumn } from './StageColumn.tsx';
import { EmotionCurve } from './curve/EmotionCurve.tsx';
import { createCurveData } from './curve/curve-data.ts';
import { createFocusIndex, setFocus } from './focus.ts';
import { createMemberNames } from './member-names.ts';
import { keptByOthers } from './undo-limits.ts';
import { followFocus } from './follow.ts';
import { SessionUnreachable } from '../components/SessionUnreachable.tsx';
import { readBoardRecord, rememberedBoard } from '../remembered-boards.ts';
import { MembersPanel } from './members/MembersPanel.tsx';
import { RecentlyDeletedPanel } from './recently-deleted/RecentlyDeletedPanel.tsx';
import { createBoardComments } from './comments/board-comments.ts';
import { commentStepKept } from './comments/comment-undo-limit.ts';
import { CommentsProvider } from './comments/comments-context.ts';
import { CommentsSection } from './comments/CommentsSection.tsx';
import { createMyComments, MyCommentsProvider } from './comments/my-comments.ts';
import { createAnonymousComments } from './comments/anonymous-comments.ts';
import { AnonymousProvider } from './comments/anonymous-context.ts';
import { createBoardNews } from './news/board-news.ts';
import { NewsProvider } from './news/news-context.ts';
import { createLiveSession } from './session/live-session.ts';
import { SessionProvider } from './session/session-context.ts';
import { SessionNotices } from './session/SessionNotices.tsx';
import { TimerLine } from './session/TimerLine.tsx';
import { PauseLine } from './session/PauseLine.tsx';
import { createRaisedHands } from './session/hands/raised-hands.ts';
import { HandsControls } from './session/hands/HandsControls.tsx';
import { GatheringRoot } from './session/gather/gathering-context.tsx';
import { GatherNotice } from './session/gather/GatherNotice.tsx';
import { VoteRoot } from './session/vote/vote-context.tsx';
import { VoteLine } from './session/vote/VoteLine.tsx';
import { VoteResults } from './session/vote/VoteResults.tsx';
import { FeelingsRoot } from './feelings/feelings-context.tsx';
import { createMethod, MethodProvider } from './method/method-context.ts';
import { MethodViews } from './method/MethodViews.tsx';
import { PhaseStep } from './method/PhaseStep.tsx';
import { forgetWithdrawnStories } from './consent/forget-withdrawn.ts';
import { showEasyRead } from './easy-read/easy-read-setting.ts';
import { EasyReadMap } from './easy-read/EasyReadMap.tsx';

/** The words shown after the board was loaded again because a change was refused. */
const reloadedNotice =
  'One of your changes could not be saved, so we loaded the board again. Everything you see now is saved.';

interface BoardScreenProps {
  boardId: string;
  user: User;
  /** This is the board loaded again after the server refused a change sent from here. */
  reloaded: boolean;
  /** The server refused a change sent from here: load the board afresh. */
  onChangeRefused: () => void;
}

function BoardScreen(props: BoardScreenProps) {
  const { api, boards } = useApp();
  // Back on the boards list, this board has nothing new for this person (they just had it open).
  onCleanup(() => boards.left(props.boardId));
  const connection = openBoardConnection(props.boardId, {
    onChangeRefused: props.onChangeRefused,
    afterRefusal: props.reloaded,
  });
  onCleanup(() => connection.destroy());
  announcePresence(connection.provider.awareness, props.user);
  const view = createBoardView(connection.doc);
  const presence = createPresence(connection.provider.awareness);
  const { stages } = boardTypes(connection.doc);
  const announcer = createAnnouncer();
  // Easy read (issue 17), this device's setting: larger text and targets while the board is open.
  showEasyRead();

  // The board's record says what this person may do. Asked at once, beside the sync, so the map
  // is drawn once with the right controls rather than read-only first and then again. A refusal
  // (403/404) is explained by the sync's close code; other failures leave editing hidden.
  // The record remembered on this device (remembered-boards.ts) stands in until the server answers,
  // so a board opened here before is drawn from its device copy at once — and offline.
  const remembered = rememberedBoard(props.boardId);
  const [board, setBoard] = createSignal<Board | null>(remembered?.user.id === props.user.id ? remembered.board : null);
  const [accessUnknown, setAccessUnknown] = createSignal(false);
  const [accessFromDevice, setAccessFromDevice] = createSignal(false);
  const readAccess = () =>
    readBoardRecord(api, props.boardId).then(
      (record) => {
        setBoard(record.board);
        setAccessFromDevice(record.fromDevice);
      },
      (err: unknown) => {
        if (!(err instanceof ApiError)) throw err;
        setBoard(null);
        setAccessUnknown(true);
      },
    );
  void readAccess();
  const names = createMemberNames(api, props.boardId, props.user.id);
  // Raised hands (issue 15), marked in "Who is here" and queued for the facilitator.
  const hands = createRaisedHands(connection.doc, connection.provider.awareness, presence.people, props.user, names);
  // A facilitator changed what this person may do: show the controls that now apply.
  createEffect(on(connection.accessChanges, () => void readAccess(), { defer: true }));
  // Read from this device while the server could not be reached: ask again once it is back.
  createEffect(on(() => accessFromDevice() && connection.state().kind === 'live', (back) => back && void readAccess()));
  // Offline with no copy of this board on the device (never kept, or cleared): it cannot open yet.
  const notOnDevice = () => connection.state().kind === 'offline' && connection.localCopy() !== 'pending' && !connection.loaded();
  const ready = () => connection.loaded() && (board() !== null || accessUnknown());

  const refused = () => connection.state().kind === 'refused';
  // What this person may do decides every control on the board (board-context.ts).
  const access = createMemo<Access | null>(() => board()?.access ?? null);
  const may = (allows: (access: Access) => boolean) => () => {
    const current = access();
    return current !== null && allows(current);
  };
  const facilitates = may(canFacilitate);
  // The live session's timer and paused editing (issue 15). While the facilitator has paused
  // changes to the map, `edit` may do only what `comment` may (the server's guard refuses the rest).
  const session = createLiveSession(connection.doc, () => api.serverTime(), () => connection.state().kind === 'live');
  const mayEdit = may(canEdit);
  const editable = createMemo(() => mayEdit() && (facilitates() || session.paused() === null));
  // Undo never sends what the server would refuse: taking back a card people have spoken about
  // (any feeling counts: whose it is no page can tell, issue 17).
  // Nor a comment others have replied to, or one the server has written in (comment-undo-limit.ts).
  const undo = createBoardUndo(connection.doc, (step) => {
    const title = keptByOthers(connection.doc, step, props.user.id, facilitates());
    return title === null
      ? commentStepKept(connection.doc, step, props.user.id)
      : `“${spokenTitle(title, 'touchpoint')}” stays: people have already said how it felt or commented on it. You can delete it instead.`;
  });
  bindHistoryKeys(undo, (words) => announcer.say(words));
  // Undo takes back this person's own changes; after their access changed, some of those may be
  // changes they may no longer make (the server would refuse them), so the old steps go.
  // So too when a pause of changes to the map takes card changes away from them.
  createEffect(on([access, editable], () => undo.manager.clear(), { defer: true }));
  // A story withdrawn (issue 17), by anyone: Undo and this device's copy forget its words.
  onCleanup(forgetWithdrawnStories(connection.doc, undo, { rewriteLocalCopy: () => connection.rewriteLocalCopy(), say: (words) => announcer.say(words) }));
  const awareness = connection.provider.awareness;
  const curve = createCurveData(connection.doc);
  // What others added or changed since this person's last visit, less what they go to from its list (issue 13).
  const news = createBoardNews(api, props.boardId, connection.doc, () => connection.state().kind === 'live');
  const comments = createBoardComments(connection.doc, props.user.id, (commentId) => news.isNew('comment', commentId));
  // What only this person knows about the comments (theirs without a name, their Me toos), and
  // their comments without a name, which the server writes (issue 13).
  const myComments = createMyComments(api, props.boardId, () => connection.state().kind === 'live');
  const anonymous = createAnonymousComments(api, props.boardId, props.user.id, connection.doc, myComments);
  const [following, setFollowing] = createSignal<number | null>(null);
  followFocus(awareness, following, setFollowing, announcer);
  const context: BoardContextValue = {
    doc: connection.doc,
    view,
    undo,
    announcer,
    canEdit: editable,
    canComment: may(canComment),
    canFacilitate: facilitates,
    userId: props.user.id,
    names,
    curve,
    presence: { focusIndex: createFocusIndex(awareness, presence), setFocus: (id) => setFocus(awareness, id) },
  };
  const addStage = (stageTitle: string) => {
    undo.step(() => connection.doc.transact(() => stages.push([newStage(randomId(), stageTitle)]), localOrigin));
    announcer.say(`Stage ${stageTitle} added as step ${view.stages.length}.`);
  };
  const title = () => (refused() ? 'This board could not be opened' : view.title().trim() || board()?.title || 'Board');
  // The EBCD method after the map (issue 16): the board's step, and which part of it is shown.
  const method = createMethod(connection.doc, props.boardId, announcer);
  usePageTitle(() => {
    const part = refused() ? null : method.viewName();
    return part === null ? title() : `${part} – ${title()}`;
  });

  return (
    <BoardProvider value={context}>
    <CommentsProvider value={comments}>
    <MyCommentsProvider value={myComments}>
    <AnonymousProvider value={anonymous}>
    <NewsProvider value={news}>
    <SessionProvider value={session}>
    <GatheringRoot boardId={props.boardId}>
    <VoteRoot boardId={props.boardId}>
    <FeelingsRoot boardId={props.boardId}>
    <MethodProvider value={method}>
    <div class="board">
      <h1>{title()}</h1>
      {/* Only the status line is pinned: presence and members scroll with the page (issue 10). */}
      <div class="board__bar" ref={(bar) => keepFocusClearOf(bar)}>
        <ConnectionStatus
          state={connection.state()}
          saveState={connection.saveState()}
          localCopy={connection.localCopy()}
          boardPath={`/boards/${encodeURIComponent(props.boardId)}`}
        />
        <TimerLine />
        <PauseLine />
        <VoteLine />
        <GatherNotice />
      </div>
      <Show when={!refused()}>
        <SessionNotices />
        <VoteResults />
      </Show>
      <Show when={props.reloaded && !refused()}>
        {/* A live region from the start, its words put in once the board is here: heard, not missed. */}
        <p role="status" classList={{ notice: ready() }}>
          {ready() ? reloadedNotice : ''}
        </p>
      </Show>
      <Show when={!refused()}>
        <div class="board__people">
          <PresenceList people={presence.people()} following={following()} onFollow={setFollowing} raised={hands.isRaised} handsUp={hands.queue().length} />
          <HandsControls boardId={props.boardId} hands={hands} />
          {/* Members and invites (issue 4): the panel fetches what it needs when opened. */}
          <MembersPanel
            boardId={props.boardId}
            userId={props.user.id}
            access={access()}
            onMyAccessChange={(access) => setBoard((current) => (current === null ? null : { ...current, access }))}
          />
        </div>
      </Show>
      <Show when={!refused()}>
        <Show
          when={ready()}
          fallback={
            <Show when={notOnDevice()} fallback={<p>Getting the board…</p>}>
              <p>This board is not kept on this device, so it cannot open without a connection. It will open when you are back online.</p>
            </Show>
          }
        >
          <PhaseStep />
          <Show when={access() === 'view'}>
            <p class="notice">You can look at this board, but not change it.</p>
          </Show>
          <Show when={access() === 'comment'}>
            <p class="notice">You can comment, and say how each moment felt and choose words for it, but not change the stages or cards.</p>
          </Show>
          <Show when={accessUnknown()}>
            <p class="notice">We could not check what you may change here. Reload the page to try again.</p>
          </Show>
          <MethodViews boardId={props.boardId}>
          <Show when={view.stages.length === 0}>
            <p>
              This board has no stages yet. Stages are the steps of the journey, like “Referral”, “Arriving” or
              “Going home”.
            </p>
          </Show>
          <BoardDetails />
          <CommentsSection target={{ type: 'board', id: props.boardId }} about="the whole board" showAbout />
          <BoardToolbar boardId={props.boardId} />
          <RecentlyDeletedPanel />
          {/* Easy read (issue 17) shows one moment at a time here, the whole map a button away. */}
          <EasyReadMap>
          <div class="stages-scroll">
            <ol class="stages" aria-label="Stages of the journey">
              <For each={view.stages}>
                {(stage, index) => <StageColumn stage={stage} step={index() + 1} count={view.stages.length} />}
              </For>
            </ol>
          </div>
          <Show when={context.canFacilitate()}>
            <AddItemForm
              action="Add stage"
              label="Stage title"
              emptyMessage="Please give the stage a title."
              buttonId={addStageButtonId}
              maxLength={stageTitleMaxLength}
              onAdd={addStage}
            />
          </Show>
          </EasyReadMap>
          <EmotionCurve doc={connection.doc} data={curve} />
          </MethodViews>
        </Show>
      </Show>
    </div>
    </MethodProvider>
    </FeelingsRoot>
    </VoteRoot>
    </GatheringRoot>
    </SessionProvider>
    </NewsProvider>
    </AnonymousProvider>
    </MyCommentsProvider>
    </CommentsProvider>
    </BoardProvider>
  );
}

/** The board, opened anew each time the server refuses a change sent from here. */
function FreshBoard(props: { boardId: string; user: User }) {
  const [loads, setLoads] = createSignal(1);
  return (
    <Show when={loads()} keyed>
      {(load) => (
        <BoardScreen
          boardId={props.boardId}
          user={props.user}
          reloaded={load > 1}
          onChangeRefused={() => setLoads(load + 1)}
        />
      )}
    </Show>
  );
}

export function BoardPage() {
  const params = useParams<{ id: string }>();
  const { session } = useApp();
  // Who opens the board: the signed-in person; or, while the server is asked or cannot be reached,
  // the person last signed in here if they opened this board on this device (remembered-boards.ts)
  // — its copy opens at once, and offline. An answer of "nobody signed in" closes it again.
  const person = createMemo<User | null>((previous) => {
    const { status, user } = session.state;
    if (user !== null) return user;
    if (status === 'ready') return null;
    return rememberedBoard(params.id ?? '')?.user ?? (status === 'checking' ? previous : null);
  }, null);
  return (
    <Switch>
      <Match when={person()}>
        {(user) => (
          // Keyed on the ids: another person or another board closes this connection and opens the next.
          <Show when={user().id} keyed>
            <Show when={params.id} keyed>
              {(boardId) => <FreshBoard boardId={boardId} user={user()} />}
            </Show>
          </Show>
        )}
      </Match>
      <Match when={session.state.status === 'checking'}>
        <h1>Opening the board…</h1>
      </Match>
      <Match when={session.state.status === 'unreachable'}>
        <SessionUnreachable session={session} />
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
