/**
 * The EBCD phases in plain words (../shared/EBCD.md), as a step of five: "Step 2 of 5: Sharing
 * experiences". The PDF's cover says it; the board's step indicator will too.
 */
import { phases, type Phase } from './board-document.ts';

export const phaseWords: Record<Phase, string> = {
  prepare: 'Getting ready',
  gather: 'Sharing experiences',
  'joint-event': 'Agreeing what matters most, together',
  'co-design': 'Working on changes together',
  review: 'Looking back at what changed',
};

/** "Step 2 of 5: Sharing experiences"; an unknown phase reads as the first. */
export function phaseStep(phase: unknown): string {
  const index = Math.max(0, phases.indexOf(phase as Phase));
  return `Step ${index + 1} of ${phases.length}: ${phaseWords[phases[index]!]}`;
}
