/**
 * The list of kept versions (issue 17), newest first: each a link to look at it, saying when in
 * words ("Tuesday 1 December, 3:40pm (2 days ago)"; versions kept in the same minute told apart);
 * an empty state saying when one is kept.
 */
import { createMemo, For, Show } from 'solid-js';
import { useApp } from '../../app-context.ts';
import { useMethod } from '../method/method-context.ts';
import { AskedState } from './AskedState.tsx';
import { createHistoryList, createMinuteClock } from './history-data.ts';
import { historyWords, versionLinks } from './history-words.ts';

export function HistoryList(props: { boardId: string }) {
  const { api } = useApp();
  const method = useMethod();
  const versions = createHistoryList(api, () => props.boardId);
  const now = createMinuteClock();
  const links = createMemo(() => versionLinks(versions.value() ?? [], now()));
  return (
    <>
      <h2 class="board-view__heading">{historyWords.heading}</h2>
      <p class="hint">{historyWords.intro}</p>
      <AskedState asked={versions} loading={historyWords.loading} />
      <Show when={versions.value()}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="history__empty">{historyWords.empty}</p>}>
            <ul class="history__versions" aria-label={historyWords.listLabel}>
              <For each={list()}>
                {(version, i) => (
                  <li>
                    <a class="history__version" href={method.href({ kind: 'history', version: version.id })}>
                      {links()[i()]}
                    </a>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </>
  );
}
