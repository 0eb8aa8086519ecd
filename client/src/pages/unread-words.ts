/**
 * A board's "what's new" on the boards list in plain words: "2 new comments, 1 new card" (issue
 * 13), or nothing at all when nothing is new. Pure, so test/unit/unread-words.test.ts checks it
 * without a page.
 */
import type { UnreadCounts } from '../../../shared/api.ts';

const count = (n: number, one: string, many: string) => `${n} new ${n === 1 ? one : many}`;

/** "2 new comments, 1 new card, 3 new feelings"; "" when nothing is new (or the server said nothing). */
export function unreadWords(unread: UnreadCounts | undefined): string {
  if (!unread) return '';
  const parts: string[] = [];
  if (unread.comments > 0) parts.push(count(unread.comments, 'comment', 'comments'));
  if (unread.touchpoints > 0) parts.push(count(unread.touchpoints, 'card', 'cards'));
  if (unread.feelings > 0) parts.push(count(unread.feelings, 'feeling', 'feelings'));
  return parts.join(', ');
}
