/**
 * What each EBCD phase means for the people on the board (issue 16; ../shared/EBCD.md): the one
 * paragraph under "What happens now", which part of the board each phase brings forward (first in
 * "Parts of this board", and the step's "Go to …" link), and the words of the facilitator's moves.
 * Plain data and functions (no Solid, no DOM), so they can be tested on their own. The phases'
 * names are shared with the PDF (shared/phase-words.ts).
 */
import { phases, type Phase } from '../../../../shared/board-document.ts';
import { phaseStep, phaseWords } from '../../../../shared/phase-words.ts';

/** What happens in each phase, in one short paragraph for everyone. */
export const whatHappensNow: Record<Phase, string> = {
  prepare:
    'The facilitator and a small planning group set the board up: what it is for, the stages of the journey, and who to invite. Have a look around. Nothing here is final yet.',
  gather:
    'Patients, carers and staff share what happened to them. Add the moments that mattered as cards on the journey map, say how each one felt and why, and comment on other people’s cards. Every experience counts: there are no wrong answers.',
  'joint-event':
    'Patients, carers and staff meet to look at the map together. People give dots to the moments that matter most. The facilitator turns the chosen moments into priority areas, and together you narrow them to a shortlist of 4 or 5, then agree the 3 or 4 to work on.',
  'co-design':
    'A small group works on each agreed priority area, often for a few months: ideas for what to change, and an action plan that says what will change, who will do it and by when. Everyone can follow the plans and comment.',
  review:
    'Everyone looks back at what changed for each priority area: the actions done, a note on before and after, and how the moments feel now beside how they felt at the start. A time to celebrate, and to decide what to keep doing.',
};

/** The parts of the board, as "Parts of this board" names them. */
export type BoardPart = 'map' | 'priorities' | 'areas' | 'review';

/** Each phase's tools first; every part stays in the list in every phase. */
export const partsInPhase: Record<Phase, readonly BoardPart[]> = {
  prepare: ['map', 'priorities', 'areas', 'review'],
  gather: ['map', 'priorities', 'areas', 'review'],
  'joint-event': ['priorities', 'map', 'areas', 'review'],
  'co-design': ['areas', 'priorities', 'map', 'review'],
  review: ['review', 'areas', 'priorities', 'map'],
};

/** The link in the step's box to the part this phase is about. */
export const goToWords: Record<Phase, string> = {
  prepare: 'Go to the journey map',
  gather: 'Go to the journey map',
  'joint-event': 'Go to the priorities',
  'co-design': 'Go to the action plans',
  review: 'Go to the review',
};

/** An unknown or missing phase reads as the first, as the PDF's cover does. */
export function readPhase(value: unknown): Phase {
  return (phases as readonly unknown[]).includes(value) ? (value as Phase) : phases[0];
}

/** The phase `by` steps from `phase` (−1 back, +1 on), or null past either end. */
export function phaseBeside(phase: Phase, by: -1 | 1): Phase | null {
  return phases[phases.indexOf(phase) + by] ?? null;
}

/** "step 3 of 5: Agreeing what matters most, together", for the middle of a sentence. */
const stepInSentence = (phase: Phase): string => `step ${phases.indexOf(phase) + 1} of ${phases.length}: ${phaseWords[phase]}`;

/** The facilitator's buttons: "Move on to step 3: …" and "Go back to step 1: …". */
export function moveWords(to: Phase, by: -1 | 1): string {
  return `${by === 1 ? 'Move on' : 'Go back'} to step ${phases.indexOf(to) + 1}: ${phaseWords[to]}`;
}

/** The question before the move, and what it does. */
export function confirmWords(to: Phase): { question: string; detail: string; yes: string; no: string } {
  return {
    question: `Move the board to ${stepInSentence(to)}?`,
    detail: 'Everyone on the board will see the new step and what happens in it. Nothing is locked or lost: you can move back at any time.',
    yes: `Yes, move to step ${phases.indexOf(to) + 1}`,
    no: 'No, stay on this step',
  };
}

/** What everyone hears when the board moves to another step. */
export const movedWords = (phase: Phase): string => `The board has moved to ${stepInSentence(phase)}.`;

export { phaseStep, phaseWords };
