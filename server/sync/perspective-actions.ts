/**
 * Perspectives as the server runs them (issue 17): a person's own choice, kept by the server alone
 * ({@link PerspectiveRecords}) and told to nobody else, and the lines worked out from everyone's
 * (perspective-lines.ts). The lines are worked out again at most every
 * {@link perspectiveLinesEveryMs}, not at each feeling or choice: a line that moved just after
 * someone gave a feeling or chose a perspective would point at them. Transport-free: both runtimes
 * run it through the board's host.
 */
import type * as Y from 'yjs';
import type { PerspectiveLines } from '../../shared/api.ts';
import { perspectiveLinesEveryMs, perspectivesOf, withLines } from '../../shared/perspectives.ts';
import type { FeelingRecords } from '../ports/feeling-records.ts';
import type { PerspectiveAction, PerspectiveActionResult, PerspectiveActor } from '../ports/perspective-action.ts';
import type { PerspectiveRecords } from '../ports/perspective-records.ts';
import { workOutLines } from './perspective-lines.ts';

const off: PerspectiveLines = { workedOutAt: null, perspectives: [], moments: [], differMost: [] };

export async function runPerspectiveAction(
  doc: Y.Doc,
  records: PerspectiveRecords,
  feelings: FeelingRecords,
  actor: PerspectiveActor,
  action: PerspectiveAction,
  now: number,
): Promise<PerspectiveActionResult> {
  const choices = perspectivesOf(doc);
  const known = (choice: string | null) => choice !== null && choices !== null && choices.some((entry) => entry.id === choice);
  switch (action.kind) {
    case 'mine': {
      const choice = await records.choiceOf(actor.userId);
      return { ok: true, choice: known(choice) ? choice : null };
    }
    case 'choose': {
      if (action.choice === null) {
        await records.choose(actor.userId, null);
        return { ok: true, choice: null };
      }
      if (choices === null) return { ok: false, code: 'no_perspectives', message: 'This board does not ask for perspectives. Its facilitator can turn them on.' };
      if (!known(action.choice)) return { ok: false, code: 'invalid_body', message: 'That is not one of this board’s choices.' };
      await records.choose(actor.userId, action.choice);
      return { ok: true, choice: action.choice };
    }
    case 'lines': {
      const mine = await records.choiceOf(actor.userId);
      const choice = known(mine) ? mine : null;
      if (choices === null) return { ok: true, choice, lines: off };
      const lined = withLines(choices);
      const saved = await records.savedLines();
      // The same choices as when last worked out, and not long ago: those lines, with today's words.
      const sameChoices = saved !== null && saved.lines.perspectives.map((p) => p.id).join('\u0000') === lined.map((p) => p.id).join('\u0000');
      if (saved !== null && sameChoices && now - saved.at < perspectiveLinesEveryMs && now >= saved.at) {
        return { ok: true, choice, lines: { ...saved.lines, perspectives: lined.map(({ id, label }) => ({ id, label })) } };
      }
      const lines = workOutLines(doc, await feelings.all(), await records.choices(), choices, now);
      await records.saveLines(now, lines);
      return { ok: true, choice, lines };
    }
  }
}
