/**
 * Faults the tests inject around real parts: a database that refuses some boards' writes (as a
 * remote LibSQL refuses an oversize write), and browsers that keep no IndexedDB copy (as Firefox's
 * private windows or a locked-down browser). Both wrap the real thing; nothing else is faked.
 */
import type { DocumentStore } from '../../server/ports/document-store.ts';

/** Wraps the real store so every write touching a board in `failing` rejects, whatever else the batch holds. */
export function refusingWritesFor(failing: ReadonlySet<string>): (store: DocumentStore) => DocumentStore {
  return (store) => ({
    ...store,
    write: (batch) =>
      batch.appends.some((a) => failing.has(a.boardId)) || batch.compactions.some((c) => failing.has(c.boardId))
        ? Promise.reject(new Error('SQLITE_TOOBIG: string or blob too big'))
        : store.write(batch),
  });
}

/** Runs in the page before its scripts: every `indexedDB.open` request fails, as in Firefox private windows. */
export function indexedDbOpenFails(): void {
  IDBFactory.prototype.open = function open(): IDBOpenDBRequest {
    const request = Object.assign(new EventTarget(), {
      error: new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError'),
      result: undefined,
      readyState: 'done',
      onerror: null as ((event: Event) => void) | null,
      onsuccess: null,
      onupgradeneeded: null,
      onblocked: null,
    });
    request.addEventListener('error', (event) => request.onerror?.(event));
    setTimeout(() => request.dispatchEvent(new Event('error')));
    return request as unknown as IDBOpenDBRequest;
  };
}
