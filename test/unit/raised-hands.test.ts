/**
 * Raise a hand, the page's pure parts (issue 15): the facilitator's queue in the order hands went
 * up, in words ("Hands up: 1. Sam 2. Ana"), what the facilitator hears when a hand goes up (who,
 * and who is first), and which people in "Who is here" a raised hand belongs to — presence has no
 * user id, so it is the identity colour made from the user id, and the name when it is known.
 */
import { describe, expect, it } from 'vitest';
import { readHands } from '../../shared/session.ts';
import { handOwners } from '../../client/src/board/session/hands/hand-owners.ts';
import { handsUpWords, handToggleWords, handUpNews, lowerHandWords, queueWords } from '../../client/src/board/session/hands/hand-words.ts';
import { identityColor } from '../../client/src/board/presence-colors.ts';

const sam = { name: 'Sam', isYou: false };
const ana = { name: 'Ana', isYou: false };
const you = { name: 'You', isYou: true };

describe('the queue of raised hands in words', () => {
  it('keeps the order the hands went up, whatever the names or ids', () => {
    // Ana's id sorts first and her name does too, but Sam raised his hand first.
    const hands = readHands({ 'user-ana': 2_000, 'user-sam': 1_000, 'user-zed': 3_000 });
    expect(hands.map((hand) => hand.userId)).toEqual(['user-sam', 'user-ana', 'user-zed']);
    expect(queueWords([sam, ana])).toBe('Hands up: 1. Sam 2. Ana');
    expect(queueWords([])).toBe('');
  });

  it('names the buttons and the toggle in plain words', () => {
    expect(lowerHandWords(sam)).toBe('Lower Sam’s hand');
    expect(lowerHandWords(you)).toBe('Lower your hand');
    expect(handToggleWords(false)).toBe('Raise my hand');
    expect(handToggleWords(true)).toBe('Lower my hand');
    expect(handsUpWords(0)).toBe('');
    expect(handsUpWords(1)).toBe('1 hand up');
    expect(handsUpWords(3)).toBe('3 hands up');
  });

  it('tells the facilitator who raised a hand and who is first', () => {
    expect(handUpNews(['Sam'], [sam])).toBe('Sam raised a hand.');
    expect(handUpNews(['Ana'], [sam, ana])).toBe('Ana raised a hand. First in the queue: Sam (2 hands up).');
    expect(handUpNews(['Ana', 'Bo'], [sam, ana, { name: 'Bo', isYou: false }])).toBe('Ana and Bo raised their hands. First in the queue: Sam (3 hands up).');
    expect(handUpNews(['Sam'], [you, sam])).toBe('Sam raised a hand. First in the queue: You (2 hands up).');
  });
});

describe('which people in presence have a raised hand', () => {
  const hands = readHands({ 'user-sam': 1_000 });
  const names: Record<string, string> = { 'user-sam': 'Sam Jones', 'user-ana': 'Ana Lee' };
  const state = (name: string, userId: string) => ({ user: { name, color: identityColor(userId) } });

  it('finds each of the person’s tabs by their identity colour and name', () => {
    const states = new Map<number, Record<string, unknown>>([
      [11, state('Sam Jones', 'user-sam')],
      [12, state('Sam Jones', 'user-sam')],
      [21, state('Ana Lee', 'user-ana')],
    ]);
    const owners = handOwners(hands, states, identityColor, (id) => names[id] ?? null);
    expect([...owners]).toEqual([
      [11, 'user-sam'],
      [12, 'user-sam'],
    ]);
  });

  it('does not take another name sent with the same colour, nor anyone when no hand is up', () => {
    const states = new Map<number, Record<string, unknown>>([[31, state('Ana Lee', 'user-sam')], [32, { user: 'not a person' }], [33, {}]]);
    expect(handOwners(hands, states, identityColor, (id) => names[id] ?? null).size).toBe(0);
    // Names not read yet: the colour alone says it.
    expect([...handOwners(hands, states, identityColor, () => null).keys()]).toEqual([31]);
    expect(handOwners([], new Map([[11, state('Sam Jones', 'user-sam')]]), identityColor, () => null).size).toBe(0);
  });
});
