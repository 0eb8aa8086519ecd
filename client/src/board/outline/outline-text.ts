/**
 * The outline as plain text, for "Copy the outline" (issue 17): read from the board document at
 * the moment of copying, in the order the outline shows it — each stage in journey order (what is
 * in "Recently deleted" left out, as shared/journey.ts reads it), its moments with their story,
 * feelings in words, dots once shown and comments (replies indented under the comment they
 * answer), the stage's comments, then the whole board's. A story whose storyteller has not said
 * "Ready to share" is left out of the copy, in words, as it is from the PDF. Pure (no Solid, no DOM), so it is tested
 * with real Y.Docs; plain lines that paste into a report or an email as they are.
 */
import * as Y from 'yjs';
import { boardTypes } from '../../../../shared/board-document.ts';
import { consentOf, storyWithdrawn, withdrawnStoryWords } from '../../../../shared/consent.ts';
import { readThreads, targetKey, type CommentInfo, type CommentTarget } from '../../../../shared/comment-read.ts';
import { stageName, touchpointName } from '../../../../shared/curve-words.ts';
import { readJourney } from '../../../../shared/journey.ts';
import { dotTotals } from '../../../../shared/vote.ts';
import { authorWords, hiddenWords } from '../comments/comment-words.ts';
import { cardTotalWords } from '../session/vote/vote-words.ts';
import { feelingsInWords, outlineWords } from './outline-words.ts';

const text = (value: unknown): string => (typeof value === 'string' ? value : value instanceof Y.Text ? value.toString() : '');

/** Indents every line of `words` after the first by `by` (a comment's own line breaks kept). */
const indentRest = (words: string, by: string): string => words.split('\n').join(`\n${by}`);

/**
 * The outline of `doc` (board `boardId`) as text. `who` is member-names.ts's (a first name,
 * "you", or null while names are not known).
 */
export function outlineText(doc: Y.Doc, boardId: string, who: (userId: string) => string | null): string {
  const { meta, touchpoints, comments } = boardTypes(doc);
  const journey = readJourney(doc);
  const threads = readThreads(doc);
  const dots = dotTotals(doc);
  const lines: string[] = [];

  const commentLine = (comment: CommentInfo, depth: number): string => {
    const pad = '  '.repeat(depth);
    const body = comment.hidden === null ? text((comments.get(comment.id) as Y.Map<unknown> | undefined)?.get('body')).trim() : hiddenWords(comment.hidden.reason);
    return `${pad}- ${authorWords(who, comment.authorId)}: ${indentRest(body, `${pad}  `)}`;
  };
  const commentsOn = (target: CommentTarget, heading: string, empty: boolean) => {
    const list = threads[targetKey(target)] ?? [];
    if (list.length === 0) {
      if (empty) lines.push(`${heading}: ${outlineWords.noComments}`);
      return;
    }
    lines.push(`${heading}:`);
    for (const thread of list) {
      const sorted = thread.first.resolvedAt !== null ? ` ${outlineWords.sorted}` : '';
      lines.push(`${commentLine(thread.first, 0)}${sorted}`);
      for (const reply of thread.replies) lines.push(commentLine(reply, 1));
    }
  };

  lines.push(`${text(meta.get('title')).trim() || 'Untitled board'} – ${outlineWords.heading}`);
  const purpose = text(meta.get('purpose')).trim();
  if (purpose !== '') lines.push(purpose);
  if (journey.stages.length === 0) lines.push('', outlineWords.noStages);

  journey.stages.forEach((stage, index) => {
    lines.push('', `Stage ${index + 1}: ${stageName(stage.title)}`);
    const rows = journey.rows.filter((row) => row.stageId === stage.id);
    if (rows.length === 0) lines.push('', outlineWords.noMoments);
    for (const row of rows) {
      const touchpoint = touchpoints.get(row.touchpointId) as Y.Map<unknown>;
      const story = text(touchpoint.get('story')).trim();
      lines.push('', touchpointName(text(touchpoint.get('title'))));
      // A copy goes into reports: only a story its storyteller said is ready to share (shared/consent.ts).
      const shared = story === '' ? (storyWithdrawn(touchpoint) ? withdrawnStoryWords : outlineWords.noStory) : consentOf(touchpoint) === 'ready' ? indentRest(story, '  ') : outlineWords.storyLeftOut;
      lines.push(`${outlineWords.storyLabel}: ${shared}`);
      lines.push(`${outlineWords.feelingsLabel}: ${feelingsInWords(row.stats)}`);
      if (dots.size > 0) lines.push(`${outlineWords.dotsLabel}: ${cardTotalWords(dots.get(row.touchpointId) ?? 0)}`);
      commentsOn({ type: 'touchpoint', id: row.touchpointId }, outlineWords.commentsLabel, true);
    }
    if ((threads[targetKey({ type: 'stage', id: stage.id })] ?? []).length > 0) lines.push('');
    commentsOn({ type: 'stage', id: stage.id }, outlineWords.stageComments, false);
  });

  lines.push('');
  commentsOn({ type: 'board', id: boardId }, outlineWords.boardComments, true);
  return `${lines.join('\n')}\n`;
}
