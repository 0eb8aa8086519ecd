/**
 * The outline's words (issue 17): feelings in one sentence from the card's own counts and tally,
 * and the whole board as plain text for "Copy the outline" — read from real Y.Docs: journey order,
 * "Recently deleted" left out, stories, feelings, dots once shown, comments with replies under
 * them, hidden comments by their reason, the empty states.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardTypes, initBoardDocument, newStage, newTouchpoint, participantKey, type FeelingScore } from '../../shared/board-document.ts';
import { feelingStats } from '../../shared/feeling-stats.ts';
import { markDeleted } from '../../shared/recently-deleted.ts';
import { postComment } from '../../client/src/board/comments/comment-actions.ts';
import { outlineText } from '../../client/src/board/outline/outline-text.ts';
import { feelingsInWords } from '../../client/src/board/outline/outline-words.ts';

const f = (score: FeelingScore, words: string[] = []) => ({ score, words, at: 1 });

describe('feelings in words', () => {
  it('says the counts worst to best, then every word with how many picked it', () => {
    expect(feelingsInWords(feelingStats([f(-1, ['frightened', 'rushed']), f(-1, ['frightened']), f(-1), f(-2, ['rushed', 'lonely'])]))).toBe(
      '4 people: 1 very bad, 3 bad; words: frightened (2), rushed (2), lonely (1).',
    );
  });

  it('leaves the words out when none were picked, and says when no one has said', () => {
    expect(feelingsInWords(feelingStats([f(0)]))).toBe('1 person: 1 okay.');
    expect(feelingsInWords(feelingStats([]))).toBe('No one has said yet.');
  });

  it('says where views differ a lot', () => {
    expect(feelingsInWords(feelingStats([f(-2), f(2)]))).toBe('2 people: 1 very bad, 1 very good. Views differ a lot.');
  });

  it('lists every word, never "and 3 more"', () => {
    const words = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    expect(feelingsInWords(feelingStats([f(1, words)]))).toBe(`1 person: 1 good; words: ${words.map((w) => `${w} (1)`).join(', ')}.`);
  });
});

describe('the outline as text', () => {
  const names = new Map([
    ['u-sam', 'Sam'],
    ['u-bo', 'Bo'],
  ]);
  const who = (id: string) => (id === 'u-me' ? 'you' : (names.get(id) ?? null));

  function board(): Y.Doc {
    const doc = new Y.Doc();
    initBoardDocument(doc, { title: 'Outpatients clinic', purpose: 'Make waiting kinder.' });
    const { stages, touchpoints, feelings } = boardTypes(doc);
    stages.push([newStage('s-arrive', 'Arriving'), newStage('s-empty', ''), newStage('s-gone', 'Deleted stage')]);
    const card = (id: string, stageId: string, order: string, title: string, story = '') =>
      touchpoints.set(id, newTouchpoint({ id, stageId, order, title, story, consent: 'ready', createdBy: 'u-sam', createdAt: 1 }));
    // Out of order on purpose: the journey's order is by `order`.
    card('t-wait', 's-arrive', 'a1', 'Waiting', 'An hour on a hard chair.\nNobody said why.');
    card('t-desk', 's-arrive', 'a0', 'At the desk', 'Nobody looked up.');
    card('t-bin', 's-arrive', 'a2', 'In the bin');
    card('t-lost', 's-gone', 'a0', 'On a deleted stage');
    feelings.set(participantKey('t-desk', 'u-sam'), f(-1, ['rushed']));
    feelings.set(participantKey('t-desk', 'u-bo'), f(-2, ['frightened', 'rushed']));
    markDeleted(doc, { id: 't-bin', kind: 'touchpoint', deletedAt: 1, deletedBy: 'u-sam' }, null);
    markDeleted(doc, { id: 's-gone', kind: 'stage', deletedAt: 1, deletedBy: 'u-sam' }, null);
    return doc;
  }

  it('reads stages in journey order with their moments, stories, feelings and comments', () => {
    const doc = board();
    const first = postComment(doc, { target: { type: 'touchpoint', id: 't-desk' }, parentId: null, authorId: 'u-sam', body: 'It was cold.\nAnd loud.', createdAt: 10 }, null);
    postComment(doc, { target: { type: 'touchpoint', id: 't-desk' }, parentId: first, authorId: 'u-me', body: 'Same for me.', createdAt: 11 }, null);
    postComment(doc, { target: { type: 'stage', id: 's-arrive' }, parentId: null, authorId: 'u-bo', body: 'The signs are small.', createdAt: 12 }, null);
    postComment(doc, { target: { type: 'board', id: 'b1' }, parentId: null, authorId: 'u-bo', body: 'Thank you all.', createdAt: 13 }, null);
    postComment(doc, { target: { type: 'touchpoint', id: 't-bin' }, parentId: null, authorId: 'u-bo', body: 'Not shown.', createdAt: 14 }, null);
    const wait = postComment(doc, { target: { type: 'touchpoint', id: 't-wait' }, parentId: null, authorId: 'u-sam', body: 'x', createdAt: 15 }, null);
    const comment = boardTypes(doc).comments.get(wait) as Y.Map<unknown>;
    doc.transact(() => {
      comment.set('authorId', null);
      comment.set('hidden', { reason: 'Names a nurse', at: 16 });
      comment.set('resolvedAt', 17);
    });

    expect(outlineText(doc, 'b1', who)).toBe(
      [
        'Outpatients clinic – Outline',
        'Make waiting kinder.',
        '',
        'Stage 1: Arriving',
        '',
        'At the desk',
        'Story: Nobody looked up.',
        'Feelings: 2 people: 1 very bad, 1 bad; words: rushed (2), frightened (1).',
        'Comments:',
        '- Sam: It was cold.',
        '  And loud.',
        '  - You: Same for me.',
        '',
        'Waiting',
        'Story: An hour on a hard chair.',
        '  Nobody said why.',
        'Feelings: No one has said yet.',
        'Comments:',
        '- Someone on this board: Hidden by a facilitator: Names a nurse (sorted)',
        '',
        'Comments on this stage:',
        '- Bo: The signs are small.',
        '',
        'Stage 2: Untitled stage',
        '',
        'No moments in this stage yet.',
        '',
        'Comments on the whole board:',
        '- Bo: Thank you all.',
        '',
      ].join('\n'),
    );
  });

  it('gives each card its dots once a vote is shown, and says when there is nothing', () => {
    const doc = board();
    boardTypes(doc).votes.set('t-wait', 3);
    const text = outlineText(doc, 'b1', who);
    expect(text).toContain('At the desk\nStory: Nobody looked up.\nFeelings: 2 people: 1 very bad, 1 bad; words: rushed (2), frightened (1).\nDot voting: No dots\nComments: No comments yet.');
    expect(text).toContain('Dot voting: 3 dots');
    expect(text).toMatch(/Comments on the whole board: No comments yet\.\n$/);

    const empty = new Y.Doc();
    initBoardDocument(empty, { title: '' });
    expect(outlineText(empty, 'b2', who)).toBe('Untitled board – Outline\n\nThis board has no stages yet.\n\nComments on the whole board: No comments yet.\n');
  });

  it('says a withdrawn story was taken back, where a card never written on has no story yet', () => {
    const doc = board();
    const desk = boardTypes(doc).touchpoints.get('t-desk')!;
    (desk.get('story') as Y.Text).delete(0, (desk.get('story') as Y.Text).length);
    expect(outlineText(doc, 'b1', who)).toContain('At the desk\nStory: No story yet.\n');
    desk.set('withdrawnAt', 5);
    expect(outlineText(doc, 'b1', who)).toContain('At the desk\nStory: The person who told this story took it back.\n');
  });

  it('leaves a story out of the copy until its storyteller says it is ready to share', () => {
    const doc = board();
    const desk = boardTypes(doc).touchpoints.get('t-desk')!;
    for (const consent of ['board-only', 'not-yet', undefined] as const) {
      if (consent === undefined) desk.delete('consent');
      else desk.set('consent', consent);
      const text = outlineText(doc, 'b1', who);
      expect(text).toContain('At the desk\nStory: Left out of copies: the person who told it has not said it is ready to share.\n');
      expect(text).not.toContain('Nobody looked up.');
    }
  });
});
