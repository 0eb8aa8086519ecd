/**
 * Who is on the board, read from the awareness states: a first name, initials and a colour per
 * person, and nothing else — never a role. Two people with the same first name are told apart by
 * the first letter of their next name ("Sam J.", "Sam P.") or, without one, a number ("Sam (2)").
 */
import type { ColorAssigner } from './presence-colors.ts';

/** One person on the board right now, as shown in "Who is here" and on the cards. */
export interface PresentPerson {
  /** The awareness client id to follow them by (yours, if this is you). */
  key: number;
  /** Every awareness client id of theirs (one per open tab). */
  keys: readonly number[];
  /** What the page calls them: the first name, or "Sam J." / "Sam (2)" beside another Sam. */
  name: string;
  /** One to three letters for their badge, e.g. "S", "SJ", "S2". */
  initials: string;
  /** The colour this page shows them in (see presence-colors.ts). */
  color: string;
  isYou: boolean;
}

/** The part of a display name shown on the board: the first word. */
export function firstName(displayName: string): string {
  return displayName.trim().split(/\s+/)[0] ?? '';
}

const colorPattern = /^#[0-9a-fA-F]{6}$/;
/** Sent colour for a state without one (another program): it still makes an identity. */
const noColor = '#595959';
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The first `count` characters as people see them (an accented letter or an emoji is one). */
function letters(text: string, count: number): string {
  let out = '';
  let taken = 0;
  for (const { segment } of segmenter.segment(text)) {
    if (taken++ === count) break;
    out += segment;
  }
  return out;
}

const sameWords = (a: string, b: string) => a.localeCompare(b, 'en-GB', { sensitivity: 'base' }) === 0;

interface Reading {
  identity: string;
  words: string[];
  keys: number[];
  isYou: boolean;
  suffix: { kind: 'none' } | { kind: 'initial'; letter: string } | { kind: 'number'; n: number };
}

/**
 * The people in `states` (awareness client id → state), you first, then by name. One name and
 * sent colour twice (one person, two tabs) is one person.
 */
export function readPresentPeople(
  states: ReadonlyMap<number, Record<string, unknown>>,
  myClientId: number,
  colors: ColorAssigner,
): PresentPerson[] {
  const byIdentity = new Map<string, Reading>();
  for (const [clientId, state] of states) {
    const user = state['user'];
    if (typeof user !== 'object' || user === null) continue;
    const fullName = 'name' in user && typeof user.name === 'string' ? user.name.trim().replace(/\s+/g, ' ') : '';
    if (fullName === '') continue;
    const sent = 'color' in user && typeof user.color === 'string' && colorPattern.test(user.color) ? user.color.toLowerCase() : noColor;
    const identity = `${fullName}\u0000${sent}`;
    const reading = byIdentity.get(identity) ?? { identity, words: fullName.split(' '), keys: [], isYou: false, suffix: { kind: 'none' } };
    reading.keys.push(clientId);
    reading.isYou ||= clientId === myClientId;
    byIdentity.set(identity, reading);
  }
  const readings = [...byIdentity.values()].sort((a, b) => (a.identity < b.identity ? -1 : 1));
  nameApart(readings);
  const initials = badgeLetters(readings);
  const shown = colors.assign(readings.map((r) => r.identity));
  const people = readings.map((r, i): PresentPerson => {
    const keys = [...r.keys].sort((a, b) => a - b);
    return {
      key: r.isYou ? myClientId : keys[0]!,
      keys,
      name: r.words[0]! + suffixText(r, 'name'),
      initials: initials[i]!,
      color: shown.get(r.identity) ?? noColor,
      isYou: r.isYou,
    };
  });
  // Sorting is stable: people with one name stay in identity order, as every page has them.
  return people.sort((a, b) => Number(b.isYou) - Number(a.isYou) || a.name.localeCompare(b.name, 'en-GB'));
}

function suffixText(r: Reading, use: 'name' | 'badge'): string {
  if (r.suffix.kind === 'initial') return use === 'name' ? ` ${r.suffix.letter}.` : r.suffix.letter;
  if (r.suffix.kind === 'number') return use === 'name' ? ` (${r.suffix.n})` : String(r.suffix.n);
  return '';
}

/** Gives people who share a first name a suffix that tells them apart. */
function nameApart(readings: Reading[]): void {
  const groups = new Map<string, Reading[]>();
  for (const r of readings) {
    const key = r.words[0]!.toLocaleLowerCase('en-GB');
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const r of group) {
      const next = r.words[1];
      if (next !== undefined) r.suffix = { kind: 'initial', letter: letters(next, 1).toLocaleUpperCase('en-GB') };
    }
    // Still the same ("Sam J." twice, or "Sam" twice): number all but the first, in identity order.
    const seen: Reading[] = [];
    let n = 1;
    for (const r of group) {
      if (seen.some((other) => sameLabel(other, r))) r.suffix = { kind: 'number', n: ++n };
      else seen.push(r);
    }
  }
}

function sameLabel(a: Reading, b: Reading): boolean {
  if (a.suffix.kind !== b.suffix.kind) return false;
  if (a.suffix.kind === 'initial' && b.suffix.kind === 'initial') return sameWords(a.suffix.letter, b.suffix.letter);
  return a.suffix.kind === 'none';
}

/**
 * Badge letters: the first letter of the first name and the suffix ("S", "SJ", "S2"); where two
 * badges would still read the same (Sam and Sue), two letters of the first name ("Sa", "Su").
 */
function badgeLetters(readings: readonly Reading[]): string[] {
  const make = (r: Reading, length: number) => {
    const first = letters(r.words[0]!, length);
    const head = letters(first, 1);
    return head.toLocaleUpperCase('en-GB') + first.slice(head.length) + suffixText(r, 'badge');
  };
  const short = readings.map((r) => make(r, 1));
  return readings.map((r, i) => (short.some((other, j) => j !== i && sameWords(other, short[i]!)) ? make(r, 2) : short[i]!));
}
