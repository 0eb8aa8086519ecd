/**
 * The history's data (issue 17): the list of kept versions and one version, each a createResource
 * keyed on the board (and the version) — read through `state` and `latest`, never by calling the
 * resource, so loading never suspends the whole board page (the app's <Suspense>); the API's
 * refusal comes back in its own words with a way to ask again, anything else is thrown to the
 * view's error boundary. And the live board in the version's shape, read with the same reader
 * (readHistoryBoard) after each change to the document, so "what changed since" follows the board
 * as others change it, and a restore shows as soon as it arrives.
 */
import { createResource, createSignal, onCleanup, type Accessor } from 'solid-js';
import type * as Y from 'yjs';
import { readHistoryBoard, type HistoryBoard, type HistoryEntry, type HistoryVersion } from '../../../../shared/history.ts';
import type { Api } from '../../api.ts';
import { asked, type Asked } from '../asked.ts';

/** The board's kept versions, newest first. */
export function createHistoryList(api: Api, boardId: Accessor<string>): Asked<readonly HistoryEntry[]> {
  const [list, { refetch }] = createResource(boardId, async (id) => (await api.listHistory(id)).versions);
  return asked(list, refetch);
}

/** One kept version, asked again when the address names another. */
export function createHistoryVersion(api: Api, boardId: Accessor<string>, versionId: Accessor<string | null>): Asked<HistoryVersion> {
  const [version, { refetch }] = createResource(
    () => {
      const id = versionId();
      return id === null ? false : { boardId: boardId(), versionId: id };
    },
    (key) => api.historyVersion(key.boardId, key.versionId),
  );
  return asked(version, refetch);
}

/** The board now, in the version's shape, read again once per batch of changes. Call inside a component. */
export function createLiveHistoryBoard(doc: Y.Doc): Accessor<HistoryBoard> {
  const [board, setBoard] = createSignal(readHistoryBoard(doc), { equals: false });
  let queued = false;
  const onUpdate = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      setBoard(readHistoryBoard(doc));
    });
  };
  doc.on('update', onUpdate);
  onCleanup(() => doc.off('update', onUpdate));
  return board;
}

/** The time now, once a minute, for "2 days ago". Call inside a component. */
export function createMinuteClock(): Accessor<number> {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), 60_000);
  onCleanup(() => clearInterval(timer));
  return now;
}
