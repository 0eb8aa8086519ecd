/**
 * "What's new (3)" in the board's toolbar, for everyone on the board: it opens, in place (a
 * disclosure), the things others added or changed since this person's last visit, in the board's
 * order — each one a button that takes them to it by keyboard (go-to-news.ts; only that, or "Mark
 * all as seen", makes something stop being new), with a way on from there (NewsReturn.tsx) — the
 * number of feelings given (never whose), and "Mark all as seen". With nothing new it says since when, in
 * plain words. Without the server's answer (offline, or it could not say) it says so calmly; the
 * board works as ever.
 */
import { createSignal, createUniqueId, ErrorBoundary, For, Match, Show, Switch } from 'solid-js';
import { spokenTitle, useBoard } from '../board-context.ts';
import { authorWords } from '../comments/comment-words.ts';
import { useComments } from '../comments/comments-context.ts';
import { goToNews } from './go-to-news.ts';
import { landingBeside, NewsReturn, type Landing } from './NewsReturn.tsx';
import { useNews } from './news-context.ts';
import type { NewComment, NewsItem } from './news-items.ts';
import { feelingsWords, newThingsWords, startOfWords, whatsNewLabel } from './news-words.ts';
import './news.css';

/** The id of the "What's new" button (focus comes back to it). */
export const whatsNewButtonId = 'whats-new-button';

export function WhatsNew() {
  const board = useBoard();
  const news = useNews();
  const id = createUniqueId();
  const [open, setOpen] = createSignal(false);
  const [landing, setLanding] = createSignal<Landing | null>(null);
  const count = () => (news.status() === 'ready' ? news.items().length : null);
  const leave = () => {
    setLanding(null);
    news.leftIt();
  };
  const go = async (item: NewsItem) => {
    setOpen(false);
    const element = await goToNews(item);
    if (element === null) return board.announcer.say('That is no longer on the board.');
    news.goneTo(item.kind, item.id);
    setLanding(landingBeside(element));
  };
  // Back to the list from where the person landed: open, with focus on its first thing.
  const back = () => {
    leave();
    setOpen(true);
    const panel = document.getElementById(`${id}-panel`);
    const first = panel?.querySelector<HTMLElement>('.whats-new__item, .whats-new__actions .button');
    (first ?? document.getElementById(whatsNewButtonId))?.focus();
  };
  return (
    <div class="whats-new">
      <button
        type="button"
        class="button button--secondary whats-new__button"
        id={whatsNewButtonId}
        aria-expanded={open() ? 'true' : 'false'}
        aria-controls={`${id}-panel`}
        onClick={() => {
          leave();
          setOpen(!open());
        }}
      >
        {whatsNewLabel(count())}
      </button>
      <div id={`${id}-panel`} class="whats-new__panel">
        <Show when={open()}>
          <ErrorBoundary fallback={<p>What’s new cannot be shown just now. The board works as usual.</p>}>
            <NewsList headingId={`${id}-heading`} onClose={() => setOpen(false)} onGo={(item) => void go(item)} />
          </ErrorBoundary>
        </Show>
      </div>
      <Show when={landing()} keyed>
        {(landed) => <NewsReturn landing={landed} onNext={() => void nextOf(news.items())} onBack={back} onLeave={leave} />}
      </Show>
    </div>
  );

  /** The first new thing left, in the board's order. */
  function nextOf(items: readonly NewsItem[]) {
    const [next] = items;
    if (next !== undefined) return go(next);
  }
}

/** What the panel holds once open. */
function NewsList(props: { headingId: string; onClose: () => void; onGo: (item: NewsItem) => void }) {
  const board = useBoard();
  const news = useNews();
  const comments = useComments();
  const [told, setTold] = createSignal('');
  const close = () => {
    props.onClose();
    document.getElementById(whatsNewButtonId)?.focus();
  };
  const markAll = async () => {
    setTold('Nothing new. Everything is marked as seen.');
    document.getElementById(whatsNewButtonId)?.focus();
    if (!(await news.markAllSeen()))
      setTold('Everything is marked as seen here. We could not tell the server just now, so some of it may show as new next time.');
  };
  return (
    <section class="whats-new__list-box" aria-labelledby={props.headingId} onKeyDown={(event) => event.key === 'Escape' && close()}>
      <h2 id={props.headingId} class="whats-new__heading">
        What’s new since your last visit
      </h2>
      <Switch>
        <Match when={news.allSeen()}>{null}</Match>
        <Match when={news.status() === 'loading'}>
          <p>Checking what is new…</p>
        </Match>
        <Match when={news.status() === 'unavailable'}>
          <p>
            {news.offline()
              ? 'You are offline. What’s new will show when you are back online.'
              : 'We could not check what is new just now. Reload the page to try again.'}
          </p>
        </Match>
        <Match when={news.since()}>
          {(since) => (
            <>
              <p>{newThingsWords(news.items().length, since(), comments.now())}</p>
              <Show when={news.items().length > 0}>
                <ol class="whats-new__list">
                  <For each={news.items()}>
                    {(item) => (
                      <li>
                        <button type="button" class="whats-new__item" onClick={() => props.onGo(item)}>
                          <ItemWords item={item} />
                        </button>
                      </li>
                    )}
                  </For>
                </ol>
              </Show>
              <Show when={news.feelings() > 0}>
                <p>{feelingsWords(news.feelings())}</p>
              </Show>
            </>
          )}
        </Match>
      </Switch>
      <div class="button-row whats-new__actions">
        <Show when={news.status() === 'ready' && !news.allSeen() && (news.items().length > 0 || news.feelings() > 0)}>
          <button type="button" class="button" onClick={() => void markAll()}>
            Mark all as seen
          </button>
        </Show>
        <button type="button" class="button button--secondary" onClick={close}>
          Close<span class="visually-hidden"> what’s new</span>
        </button>
      </div>
      {/* In the page from the start, so its words are read out when they come. */}
      <p role="status" class="whats-new__told">
        {told()}
      </p>
    </section>
  );

  /** One new thing in words: what, where, and for a comment who and the start of its words. */
  function ItemWords(itemProps: { item: NewsItem }) {
    const item = itemProps.item;
    if (item.kind === 'touchpoint') {
      return (
        <>
          <span class="whats-new__what">
            {item.added ? 'New card' : 'Changed card'} “{spokenTitle(item.title, 'touchpoint')}”
          </span>{' '}
          <span class="whats-new__where">in {spokenTitle(item.stageTitle, 'stage')}</span>
        </>
      );
    }
    return (
      <>
        <span class="whats-new__what">
          {authorWords(board.names.who, item.authorId)} {item.added ? (item.reply ? 'replied' : 'commented') : 'changed a comment'} on{' '}
          {aboutWords(item)}:
        </span>{' '}
        <span class="whats-new__words">“{startOfWords(item.body)}”</span>
      </>
    );
  }
}

/** What a comment is about: "the whole board", "the stage “Arriving”", "“Car park” in Arriving". */
function aboutWords(item: NewComment): string {
  if (item.target.type === 'board') return 'the whole board';
  if (item.target.type === 'stage') return `the stage “${spokenTitle(item.targetTitle, 'stage')}”`;
  return `“${spokenTitle(item.targetTitle, 'touchpoint')}” in ${spokenTitle(item.stageTitle, 'stage')}`;
}
