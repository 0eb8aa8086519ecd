/**
 * The board document's plain values and what each may hold (docs/board-document.md): the checks
 * the guard runs on every value an update writes, whoever sends it. Each returns null when the
 * value fits, or a short reason.
 */
import { phases, schemaVersion } from '../../../shared/board-document.ts';
import { idPattern } from '../../../shared/api.ts';
import { commentTargetTypes } from '../../../shared/comment-read.ts';
import { maxOwnWordLength } from '../../../shared/emotion-words.ts';
import {
  boardTitleMaxLength,
  maxListLength,
  maxWordsPerFeeling,
  orderMaxLength,
  ownerNameMaxLength,
  purposeMaxLength,
  stageTitleMaxLength,
} from '../../../shared/limits.ts';
import { hasControlCharacters } from '../../../shared/plain-text.ts';
import { isDay, prioritySteps } from '../../../shared/method.ts';
import { maxPerspectives, perspectiveLabelMaxLength } from '../../../shared/perspectives.ts';

export type ValueCheck = (value: unknown) => string | null;


export const isId = (value: unknown): value is string => typeof value === 'string' && idPattern.test(value);

/** A string of at most `max` UTF-16 units, without control characters other than tab and line breaks. */
export const text =
  (max: number, { nonEmpty = false } = {}): ValueCheck =>
  (value) => {
    if (typeof value !== 'string') return 'not text';
    if (value.length > max) return `longer than ${max}`;
    if (nonEmpty && value.trim() === '') return 'empty';
    if (hasControlCharacters(value)) return 'control characters';
    return null;
  };

export const id: ValueCheck = (value) => (isId(value) ? null : 'not an id');

/** Milliseconds since the epoch (any finite, non-negative number: devices' clocks differ). */
export const time: ValueCheck = (value) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? null : 'not a time';

export const orNull =
  (check: ValueCheck): ValueCheck =>
  (value) =>
    value === null ? null : check(value);

/** A fractional-index key (fractional-indexing's base-62 digits). */
export const order: ValueCheck = (value) =>
  typeof value === 'string' && value.length <= orderMaxLength && /^[0-9A-Za-z]*$/.test(value) ? null : 'not an order key';

export const metaValues: Readonly<Record<string, ValueCheck>> = {
  schemaVersion: (value) => (value === schemaVersion ? null : 'unknown schema version'),
  title: text(boardTitleMaxLength, { nonEmpty: true }),
  purpose: text(purposeMaxLength),
  phase: (value) => ((phases as readonly unknown[]).includes(value) ? null : 'unknown phase'),
  /** Whether people may comment without their name (the facilitator's choice). */
  anonymousComments: (value) => (typeof value === 'boolean' ? null : 'not true or false'),
  /** The perspectives people may choose from (shared/perspectives.ts), the facilitator's to name. */
  perspectives: (value) => {
    if (!Array.isArray(value) || value.length < 2 || value.length > maxPerspectives) return `not a list of 2 to ${maxPerspectives} choices`;
    const ids = new Set<unknown>();
    for (const entry of value) {
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return 'a choice that is not {id, label}';
      const { id: choiceId, label, ...rest } = entry as Record<string, unknown>;
      if (Object.keys(rest).length > 0) return 'unknown fields in a choice';
      if (typeof choiceId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(choiceId) || ids.has(choiceId)) return 'a choice without its own id';
      ids.add(choiceId);
      const wrong = text(perspectiveLabelMaxLength, { nonEmpty: true })(label);
      if (wrong !== null) return `a choice's words ${wrong}`;
    }
    return null;
  },
};
/** Meta keys a board always has: deleting one is refused unless the same change sets it again. */
export const requiredMeta: ReadonlySet<string> = new Set(['schemaVersion', 'title', 'phase']);

export const stageValues: Readonly<Record<string, ValueCheck>> = { id, title: text(stageTitleMaxLength) };

/** One person's feeling at one touchpoint: `{score, words, at}` and nothing else. */
export const feeling: ValueCheck = (value) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a feeling';
  const { score, words, at, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return 'unknown fields in a feeling';
  if (typeof score !== 'number' || !Number.isInteger(score) || score < -2 || score > 2) return 'score not a whole number from -2 to 2';
  if (!Array.isArray(words) || words.length > maxWordsPerFeeling) return `words not a list of at most ${maxWordsPerFeeling}`;
  // A card's word or the person's own: a short word or phrase.
  for (const word of words) if (text(maxOwnWordLength, { nonEmpty: true })(word) !== null) return 'a word that is not a short word';
  return time(at);
};

/** A comment's `target`: `{type, id}`. */
export const commentTarget: ValueCheck = (value) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a target';
  const { type, id: targetId, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return 'unknown fields in a target';
  if (!(commentTargetTypes as readonly unknown[]).includes(type)) return 'unknown target type';
  return isId(targetId) ? null : 'target without an id';
};

/** `touchpointId/userId`, the key of a feeling or of a person's votes; null when malformed. */
export function participantKeyParts(key: string): { touchpointId: string; participantId: string } | null {
  const slash = key.indexOf('/');
  const touchpointId = key.slice(0, slash);
  const participantId = key.slice(slash + 1);
  return slash > 0 && isId(touchpointId) && isId(participantId) ? { touchpointId, participantId } : null;
}

/** A list of distinct ids, at most {@link maxListLength}. */
export const idList: ValueCheck = (value) => {
  if (!Array.isArray(value) || value.length > maxListLength) return `not a list of at most ${maxListLength} ids`;
  if (!value.every(isId)) return 'an item that is not an id';
  return new Set(value).size === value.length ? null : 'the same id twice';
};

export const oneOf =
  (allowed: readonly string[], what: string): ValueCheck =>
  (value) =>
    allowed.includes(value as string) ? null : `not ${what}`;

/** A priority area's moves through the funnel: `[{step, at, by}]`. */
export const funnel: ValueCheck = (value) => {
  if (!Array.isArray(value) || value.length > maxListLength) return `not a list of at most ${maxListLength} moves`;
  for (const move of value) {
    if (typeof move !== 'object' || move === null || Array.isArray(move)) return 'a move that is not {step, at, by}';
    const { step, at, by, ...rest } = move as Record<string, unknown>;
    if (Object.keys(rest).length > 0) return 'unknown fields in a move';
    const problem = oneOf(prioritySteps, 'a funnel step')(step) ?? time(at) ?? id(by);
    if (problem !== null) return problem;
  }
  return null;
};

/** Who will do an action: `{userId}` or `{name}` (words, not blank). */
export const actionOwner: ValueCheck = (value) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an owner';
  const keys = Object.keys(value);
  if (keys.length !== 1) return 'an owner is {userId} or {name}';
  const { userId, name } = value as Record<string, unknown>;
  if (keys[0] === 'userId') return id(userId);
  if (keys[0] === 'name') return text(ownerNameMaxLength, { nonEmpty: true })(name);
  return 'an owner is {userId} or {name}';
};

export const day: ValueCheck = (value) => (isDay(value) ? null : 'not a day (YYYY-MM-DD)');
