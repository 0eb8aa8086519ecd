/** Random, URL-safe ids for users, boards and sessions' tokens. */
import { encodeBase64urlNoPadding } from '@oslojs/encoding';
import type { RandomBytes } from './ports/clock.ts';

/** A 128-bit random id, 22 URL-safe characters. */
export function newId(random: RandomBytes): string {
  return encodeBase64urlNoPadding(random(16));
}
