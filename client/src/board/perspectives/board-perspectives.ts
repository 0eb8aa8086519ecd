/**
 * The board's perspectives as the page sees them (issue 17): `meta.perspectives` in the document,
 * followed live — null while they are off — and the facilitator's writes to it, each an Undo step
 * like the board's title (the server's guard lets only facilitators write meta). Nobody's own
 * choice is ever here: the server alone keeps it (perspective-data.ts asks for one's own).
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type * as Y from 'yjs';
import { boardTypes } from '../../../../shared/board-document.ts';
import { defaultPerspectives, perspectivesOf, type Perspective } from '../../../../shared/perspectives.ts';
import type { BoardContextValue } from '../board-context.ts';
import { localOrigin } from '../local-origin.ts';

const sameChoices = (a: readonly Perspective[] | null, b: readonly Perspective[] | null): boolean =>
  a === b || (a !== null && b !== null && a.length === b.length && a.every((choice, i) => choice.id === b[i]!.id && choice.label === b[i]!.label));

/** The board's choices now, or null when perspectives are off. Call inside a component: stops on cleanup. */
export function createBoardPerspectives(doc: Y.Doc): Accessor<Perspective[] | null> {
  const { meta } = boardTypes(doc);
  const [choices, setChoices] = createSignal(perspectivesOf(doc), { equals: sameChoices });
  const onMeta = (event: Y.YMapEvent<unknown>) => {
    if (event.keysChanged.has('perspectives')) setChoices(perspectivesOf(doc));
  };
  meta.observe(onMeta);
  onCleanup(() => meta.unobserve(onMeta));
  return choices;
}

/** Writes the board's choices (null: turns perspectives off), as one Undo step. */
export function writePerspectives(board: Pick<BoardContextValue, 'doc' | 'undo'>, choices: readonly Perspective[] | null): void {
  const { meta } = boardTypes(board.doc);
  board.undo.step(() =>
    board.doc.transact(() => {
      if (choices === null) meta.delete('perspectives');
      else meta.set('perspectives', choices.map(({ id, label }) => ({ id, label })));
    }, localOrigin),
  );
}

/** Turns perspectives on with the default choices. */
export const turnOnPerspectives = (board: Pick<BoardContextValue, 'doc' | 'undo'>): void => writePerspectives(board, defaultPerspectives);
