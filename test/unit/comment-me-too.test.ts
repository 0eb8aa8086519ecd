/**
 * The words and rules of "Me too" (me-too.ts) and how the page reads the fields only the server
 * writes (comment-read.ts): `meToo` as a count (anything else is 0) and `hidden` as a reason.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readComment } from '../../shared/comment-read.ts';
import { mayMeToo, meTooWords } from '../../client/src/board/comments/me-too.ts';

function commentWith(fields: Record<string, unknown>): Y.Map<unknown> {
  const doc = new Y.Doc();
  const comment = doc.getMap<unknown>('c');
  for (const [key, value] of Object.entries({ id: 'c-00000001', target: { type: 'board', id: 'board-0001' }, parentId: null, authorId: 'u1', createdAt: 1, editedAt: null, resolvedAt: null, resolvedBy: null, ...fields })) comment.set(key, value);
  return comment;
}

describe('Me too', () => {
  it('says the count in words, and nothing when none', () => {
    expect(meTooWords(0)).toBe('');
    expect(meTooWords(1)).toBe('1 person said me too');
    expect(meTooWords(3)).toBe('3 people said me too');
  });

  it('is offered to anyone who may comment, on others’ comments that are not hidden', () => {
    expect(mayMeToo({ canComment: true, mine: false, hidden: false })).toBe(true);
    expect(mayMeToo({ canComment: false, mine: false, hidden: false })).toBe(false);
    expect(mayMeToo({ canComment: true, mine: true, hidden: false })).toBe(false);
    expect(mayMeToo({ canComment: true, mine: false, hidden: true })).toBe(false);
  });

  it('reads meToo and hidden as the server writes them, and anything else as none', () => {
    expect(readComment('c-00000001', commentWith({}))).toMatchObject({ meToo: 0, hidden: null });
    expect(readComment('c-00000001', commentWith({ meToo: 2, hidden: { reason: 'Names a nurse', at: 5 } }))).toMatchObject({ meToo: 2, hidden: { reason: 'Names a nurse', at: 5 } });
    expect(readComment('c-00000001', commentWith({ meToo: -1, hidden: null }))).toMatchObject({ meToo: 0, hidden: null });
    expect(readComment('c-00000001', commentWith({ meToo: 'many', hidden: { at: 'x' } }))).toMatchObject({ meToo: 0, hidden: { reason: '', at: 0 } });
  });
});
