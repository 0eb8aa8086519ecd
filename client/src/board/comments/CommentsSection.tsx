/**
 * The comments about one thing — a touchpoint card, a stage, or the whole board: a button saying
 * how many there are in words ("3 comments"; "Add a comment" when there are none and the person
 * may comment, "No comments yet" when they may only look) that opens the conversations in place
 * (a disclosure), open ones first, sorted ones folded under "2 sorted conversations — show", and
 * "Add a comment" for people who may comment. When someone else adds a comment here while this
 * person is on it (focus inside it, or its comments open), it is said once, politely.
 */
import { createEffect, createSignal, createUniqueId, For, onCleanup, Show } from 'solid-js';
import { focusSoon, useBoard } from '../board-context.ts';
import { localOrigin } from '../local-origin.ts';
import { postComment } from './comment-actions.ts';
import { targetKey, type CommentInfo, type CommentTarget } from '../../../../shared/comment-read.ts';
import { authorWords, commentCountWords, sortedWords } from './comment-words.ts';
import { CommentForm } from './CommentForm.tsx';
import { CommentThread, threadButtonId } from './CommentThread.tsx';
import { useComments } from './comments-context.ts';
import { useAnonymous } from './anonymous-context.ts';
import { PendingThreads } from './PendingComments.tsx';
import { moveFocusWithin } from './anonymous-focus.ts';
import './comments.css';

export interface CommentsSectionProps {
  target: CommentTarget;
  /** What the comments are about, in words: "“Waiting for results”", "the stage “Arriving”", "the whole board". */
  about: string;
  /** Show `about` in the button's words too (where no heading beside it says what it is about). */
  showAbout?: boolean;
  /** Whether this person is on the thing the comments are about (focus inside its card). */
  isHere?: () => boolean;
}

export function CommentsSection(props: CommentsSectionProps) {
  const board = useBoard();
  const comments = useComments();
  const anonymous = useAnonymous();
  const id = createUniqueId();
  const [open, setOpen] = createSignal(false);
  const [adding, setAdding] = createSignal(false);
  const [showSorted, setShowSorted] = createSignal(false);
  let section: HTMLDivElement | undefined;
  const threads = () => comments.threadsOn(props.target);
  const openThreads = () => threads().filter((thread) => thread.first.resolvedAt === null);
  const sortedThreads = () => threads().filter((thread) => thread.first.resolvedAt !== null);
  // Counted with this person's comments without a name still on their way (shown in place).
  const count = () => comments.countOn(props.target) + anonymous.pendingCount(props.target);
  const buttonWords = () => (count() === 0 ? 'Add a comment' : commentCountWords(count(), comments.newCountOn(props.target)));
  const ids = { toggle: `${id}-toggle`, panel: `${id}-panel`, add: `${id}-add`, sorted: `${id}-sorted` };

  // News of comments from other people, said once per change that brought them (a reconnect can bring several).
  let arrived: CommentInfo[] = [];
  const here = () => open() || (props.isHere?.() ?? false) || (section?.contains(document.activeElement) ?? false);
  const tell = () => {
    const news = arrived;
    arrived = [];
    if (news.length === 0 || !here()) return;
    const [only] = news;
    board.announcer.say(
      news.length > 1
        ? `${news.length} new comments on ${props.about}.`
        : `${authorWords(board.names.who, only!.authorId)} ${only!.parentId === null ? 'commented on' : 'replied to a comment on'} ${props.about}.`,
    );
  };
  onCleanup(
    comments.onArrival((comment) => {
      if (targetKey(comment.target) !== targetKey(props.target)) return;
      if (arrived.length === 0) queueMicrotask(tell);
      arrived.push(comment);
    }),
  );

  // With none left (the last one deleted here or elsewhere) there is nothing to show but the form.
  createEffect(() => {
    if (count() === 0 && open() && !adding()) setOpen(false);
  });

  const toggle = () => {
    const opening = !open();
    // Adding first: with no comments yet, an open panel is its form.
    setAdding(opening && count() === 0 && board.canComment());
    setOpen(opening);
  };
  const close = () => {
    setOpen(false);
    setAdding(false);
    focusSoon(ids.toggle);
  };
  const post = (body: string, withoutName: boolean) => {
    if (withoutName) {
      // The server writes it (anonymous-comments.ts): shown here as on its way until it comes through.
      // Focus moves within the card before the form goes, so this person's presence does not change.
      moveFocusWithin(ids.toggle);
      anonymous.post({ target: props.target, parentId: null, body });
      setAdding(false);
      moveFocusWithin(ids.add);
      board.announcer.say('Your comment is being sent, without your name.');
      return;
    }
    // Posted first, so the panel stays open on it (it closes when there are none).
    board.undo.step(() => postComment(board.doc, { target: props.target, parentId: null, authorId: board.userId, body, createdAt: Date.now() }, localOrigin));
    setAdding(false);
    board.announcer.say('Your comment is added.');
    focusSoon(ids.add);
  };
  const cancelAdding = () => {
    setAdding(false);
    if (count() === 0) close();
    else focusSoon(ids.add);
  };

  return (
    <div class="comments" ref={section}>
      <Show when={count() > 0 || board.canComment()} fallback={<p class="comments__none">No comments yet</p>}>
        <button
          type="button"
          class="button button--secondary button--small comments__toggle"
          id={ids.toggle}
          aria-expanded={open() ? 'true' : 'false'}
          aria-controls={ids.panel}
          onClick={toggle}
        >
          {buttonWords()}
          <Show when={props.showAbout} fallback={<span class="visually-hidden"> on {props.about}</span>}>
            {` on ${props.about}`}
          </Show>
        </button>
      </Show>
      <div id={ids.panel} class="comments__panel">
        <Show when={open()}>
          <Show when={openThreads().length > 0}>
            <ul class="comment-threads" aria-label={`Comments on ${props.about}`}>
              <For each={openThreads()}>
                {(thread) => (
                  <CommentThread
                    thread={thread}
                    onLeave={() => focusSoon(ids.add, ids.toggle)}
                    afterSorted={() => focusSoon(ids.sorted, ids.add, ids.toggle)}
                    afterReopened={(threadId) => focusSoon(threadButtonId(threadId, 'sort'), threadButtonId(threadId, 'reply'), ids.add, ids.toggle)}
                  />
                )}
              </For>
            </ul>
          </Show>
          <PendingThreads target={props.target} about={props.about} />
          <Show when={sortedThreads().length > 0}>
            <button
              type="button"
              class="link-button comments__sorted-toggle"
              id={ids.sorted}
              aria-expanded={showSorted() ? 'true' : 'false'}
              onClick={() => setShowSorted(!showSorted())}
            >
              {sortedWords(sortedThreads().length)} — {showSorted() ? 'hide' : 'show'}
            </button>
            <Show when={showSorted()}>
              <ul class="comment-threads comment-threads--sorted" aria-label={`Sorted comments on ${props.about}`}>
                <For each={sortedThreads()}>
                  {(thread) => (
                    <CommentThread
                      thread={thread}
                      onLeave={() => focusSoon(ids.sorted, ids.add, ids.toggle)}
                      afterSorted={() => focusSoon(ids.sorted)}
                      afterReopened={(threadId) => focusSoon(threadButtonId(threadId, 'sort'), threadButtonId(threadId, 'reply'), ids.add, ids.toggle)}
                    />
                  )}
                </For>
              </ul>
            </Show>
          </Show>
          <Show when={board.canComment() && (count() > 0 || adding())}>
            <Show
              when={adding()}
              fallback={
                <button type="button" class="button button--small comments__add" id={ids.add} onClick={() => setAdding(true)}>
                  Add a comment<span class="visually-hidden"> on {props.about}</span>
                </button>
              }
            >
              <CommentForm label="Your comment" submitLabel="Post comment" onSubmit={post} onCancel={cancelAdding} offerWithoutName={anonymous.allowed()} />
            </Show>
          </Show>
          <button type="button" class="link-button comments__hide" onClick={close}>
            Hide comments<span class="visually-hidden"> on {props.about}</span>
          </button>
        </Show>
      </div>
    </div>
  );
}
