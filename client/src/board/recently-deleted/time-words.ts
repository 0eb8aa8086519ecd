/** Plain words for when something was deleted and how long it can still be brought back. */
import { recentlyDeletedMs } from '../../../../shared/recently-deleted.ts';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const relative = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' });

/** "just now", "5 minutes ago", "3 hours ago", "yesterday", "2 days ago". */
export function timeAgo(then: number, now: number): string {
  const ago = Math.max(0, now - then);
  if (ago < minute) return 'just now';
  if (ago < hour) return relative.format(-Math.floor(ago / minute), 'minute');
  if (ago < day) return relative.format(-Math.floor(ago / hour), 'hour');
  return relative.format(-Math.floor(ago / day), 'day');
}

/** "in 28 days", "in 2 days", "within a day": when it will be gone for good (days rounded up). */
export function goneForGoodIn(deletedAt: number, now: number): string {
  const left = deletedAt + recentlyDeletedMs - now;
  if (left <= day) return 'within a day';
  return relative.format(Math.ceil(left / day), 'day');
}
