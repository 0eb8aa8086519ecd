/**
 * One board's {@link BoardLog} on Node: its writes go through the process's group-commit
 * {@link DocumentWriter}, which gathers the appends of every board that arrive in one turn into one
 * LibSQL transaction, and its reads straight to the {@link DocumentStore}.
 */
import type { BoardLog } from '../ports/board-log.ts';
import type { DocumentStore } from '../ports/document-store.ts';
import type { DocumentWriter } from './document-writer.ts';

export function groupedBoardLog(boardId: string, store: DocumentStore, writer: DocumentWriter): BoardLog {
  return {
    load: () => store.load(boardId),
    append: (update, claims) => writer.append(boardId, update, claims),
    compact: (snapshot) => writer.compact(boardId, snapshot),
    destroy: () => writer.remove(boardId),
  };
}
