/**
 * Ids of the board's buttons that focus is sent back to after a move, a delete or an undo
 * (a moved item is re-inserted into the page, which drops focus).
 */

/** One of a stage's buttons. */
export const stageButtonId = (stageId: string, button: 'earlier' | 'later' | 'rename'): string =>
  `stage-${stageId}-${button}`;

/** A touchpoint card's "More actions" menu button, where focus goes back after a move or an edit. */
export const touchpointButtonId = (touchpointId: string, button: 'actions'): string =>
  `touchpoint-${touchpointId}-${button}`;

/** The "Add stage" button. */
export const addStageButtonId = 'add-stage';

/** The "Undo delete" button of the notice shown after a delete. */
export const undoDeleteButtonId = 'undo-delete';
