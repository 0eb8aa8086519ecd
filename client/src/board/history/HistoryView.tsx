/**
 * The board's history (issue 17, `?view=history`): the list of kept versions, or one of them
 * (`?view=history&version=<id>`) as the map was, with what changed since and, for people allowed
 * to, "Put back" as a new change everyone sees. Looking never changes the board. A fault of the
 * page itself is caught here and said in plain words, with "Try again".
 */
import { ErrorBoundary, Show } from 'solid-js';
import { useMethod } from '../method/method-context.ts';
import { HistoryList } from './HistoryList.tsx';
import { HistoryVersionPage } from './HistoryVersionPage.tsx';
import { historyWords } from './history-words.ts';
import './history.css';

export function HistoryView(props: { boardId: string }) {
  const method = useMethod();
  const versionId = () => {
    const view = method.view();
    return view.kind === 'history' ? view.version : null;
  };
  return (
    <div class="history">
      <ErrorBoundary
        fallback={(_error, reset) => (
          <>
            <h2 class="board-view__heading">{historyWords.heading}</h2>
            <p class="notice notice--error">{historyWords.broken}</p>
            <button type="button" class="button button--secondary" onClick={reset}>
              {historyWords.retry}
            </button>
          </>
        )}
      >
        <Show when={versionId()} keyed fallback={<HistoryList boardId={props.boardId} />}>
          {(id) => <HistoryVersionPage boardId={props.boardId} versionId={id} />}
        </Show>
      </ErrorBoundary>
    </div>
  );
}
