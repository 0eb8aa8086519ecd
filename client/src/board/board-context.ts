/**
 * What every part of the board needs to change it: the document, who is editing, Undo, the
 * announcer and the live view. Given once by BoardPage, read with `useBoard()`.
 */
import { createContext, useContext, type Accessor } from 'solid-js';
import type * as Y from 'yjs';
import type { Announcer } from './announcer.ts';
import type { BoardUndo } from './board-undo.ts';
import type { BoardView } from './board-view.ts';
import type { FocusedPerson } from './focus.ts';
import type { CurveData } from './curve/curve-data.ts';
import type { MemberNames } from './member-names.ts';

export interface BoardContextValue {
  doc: Y.Doc;
  view: BoardView;
  undo: BoardUndo;
  announcer: Announcer;
  /**
   * Whether to show the controls that change the cards: add, rename, change the story, move,
   * delete and restore touchpoints (`edit` and up). The server's guard refuses anything more, so
   * the page offers exactly what the access allows (shared/access.ts).
   */
  canEdit: Accessor<boolean>;
  /** Whether this person may give their own feelings and words (`comment` and up). */
  canComment: Accessor<boolean>;
  /**
   * Whether to show what organises the board: its title and purpose as boxes, and the stages'
   * controls (add, rename, move, delete), for facilitators only.
   */
  canFacilitate: Accessor<boolean>;
  /** Recorded as `createdBy` on new touchpoints. */
  userId: string;
  /** Who is who on this board, to say who added or deleted something (first names only). */
  names: MemberNames;
  /** Every touchpoint's feeling statistics in journey order (one computation for the board). */
  curve: CurveData;
  /** Who else is on which item, and telling them where this person is. */
  presence: {
    focusIndex: Accessor<ReadonlyMap<string, readonly FocusedPerson[]>>;
    setFocus(itemId: string | null): void;
  };
}

const BoardContext = createContext<BoardContextValue>();

/** Provides the board to everything inside it. */
export const BoardProvider = BoardContext.Provider;

/** The board this component is on. Throws outside a BoardProvider (a programming error). */
export function useBoard(): BoardContextValue {
  const value = useContext(BoardContext);
  if (value === undefined) throw new Error('useBoard() needs a BoardProvider above it');
  return value;
}

/**
 * Puts focus on the first of `ids` that exists and can take it, after the DOM has caught up
 * with a change (a moved item is re-inserted, which drops focus).
 */
export function focusSoon(...ids: string[]): void {
  requestAnimationFrame(() => {
    for (const id of ids) {
      const element = document.getElementById(id);
      if (element !== null && !(element instanceof HTMLButtonElement && element.disabled)) {
        element.focus();
        return;
      }
    }
  });
}

/** A title to say out loud: the words, or "untitled …" when there are none. */
export function spokenTitle(title: string, kind: 'stage' | 'touchpoint'): string {
  const trimmed = title.trim();
  return trimmed === '' ? `Untitled ${kind}` : trimmed;
}
