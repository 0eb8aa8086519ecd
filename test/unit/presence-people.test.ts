/**
 * Who is here, as the board shows it (client/src/board/present-people.ts, presence-colors.ts):
 * distinct readable colours for a room of 20, names told apart, initials, one person in two tabs
 * shown once and never two people merged.
 */
import { describe, expect, it } from 'vitest';
import {
  contrastOnWhite,
  createColorAssigner,
  identityColor,
  presencePalette,
} from '../../client/src/board/presence-colors.ts';
import { readPresentPeople } from '../../client/src/board/present-people.ts';

type States = Map<number, Record<string, unknown>>;
const state = (name: string, userId: string) => ({ user: { name, color: identityColor(userId) } });

function room(names: string[]): States {
  return new Map(names.map((name, i) => [100 + i, state(name, `user-${i}`)]));
}

describe('presence colours', () => {
  it('has 20 different colours, each readable on white (4.5:1) and under white letters', () => {
    expect(new Set(presencePalette.map((c) => c.toLowerCase())).size).toBe(20);
    for (const color of presencePalette) expect(contrastOnWhite(color)).toBeGreaterThanOrEqual(4.5);
  });

  it('makes a readable identity colour from any user id, the same each time', () => {
    for (let i = 0; i < 500; i++) {
      const color = identityColor(`id-${i}`);
      expect(color).toMatch(/^#[0-9a-f]{6}$/);
      expect(contrastOnWhite(color)).toBeGreaterThanOrEqual(4.5);
      expect(identityColor(`id-${i}`)).toBe(color);
    }
  });

  it('gives up to 20 people 20 different colours, and keeps a person\'s colour as others come and go', () => {
    const assigner = createColorAssigner();
    const ids = Array.from({ length: 20 }, (_, i) => `person ${i}`);
    const first = assigner.assign(ids.slice(0, 10));
    const all = assigner.assign(ids);
    expect(new Set(all.values()).size).toBe(20);
    for (const id of ids.slice(0, 10)) expect(all.get(id)).toBe(first.get(id));
    const fewer = assigner.assign(ids.slice(5));
    for (const id of ids.slice(5)) expect(fewer.get(id)).toBe(all.get(id));
  });

  it('gives the same colours on two pages that saw the same people arrive', () => {
    const ids = ['Ann\u0000#102030', 'Bob\u0000#203040', 'Cat\u0000#304050'];
    expect(Object.fromEntries(createColorAssigner().assign(ids))).toEqual(Object.fromEntries(createColorAssigner().assign([...ids].reverse())));
  });
});

describe('the people shown', () => {
  it('puts you first, then everyone by first name, with "(you)" left to the list', () => {
    const people = readPresentPeople(room(['Zoe Adams', 'Ann Brown', 'Mo']), 101, createColorAssigner());
    expect(people.map((p) => [p.name, p.isYou])).toEqual([['Ann', true], ['Mo', false], ['Zoe', false]]);
    expect(people.map((p) => p.initials)).toEqual(['A', 'M', 'Z']);
    expect(people[0]!.key).toBe(101);
  });

  it('tells two people with one first name apart by their next initial, or by a number', () => {
    const people = readPresentPeople(room(['Sam Jones', 'Sam Patel', 'Ann']), 102, createColorAssigner());
    expect(people.map((p) => p.name)).toEqual(['Ann', 'Sam J.', 'Sam P.']);
    expect(people.map((p) => p.initials)).toEqual(['A', 'SJ', 'SP']);
    const guests = readPresentPeople(room(['Sam', 'Sam', 'sam jones']), 100, createColorAssigner());
    expect(new Set(guests.map((p) => p.name)).size).toBe(3);
    expect(guests.map((p) => p.name).sort()).toEqual(['Sam', 'Sam (2)', 'sam J.']);
    expect(new Set(guests.map((p) => p.initials)).size).toBe(3);
  });

  it('uses two letters where one would read the same for different names', () => {
    const people = readPresentPeople(room(['Sam', 'Sue', 'Ann']), 102, createColorAssigner());
    expect(people.map((p) => p.initials)).toEqual(['A', 'Sa', 'Su']);
  });

  it('shows one person with two tabs once, and 18 people in 18 colours', () => {
    const states = room(Array.from({ length: 18 }, (_, i) => `Person${i}`));
    states.set(500, state('Person3', 'user-3'));
    const people = readPresentPeople(states, 100, createColorAssigner());
    expect(people).toHaveLength(18);
    expect(people.find((p) => p.name === 'Person3')!.keys).toEqual([103, 500]);
    expect(new Set(people.map((p) => p.color)).size).toBe(18);
  });

  it('never rests a colour on what another program sent: an odd or missing colour still gets a palette one', () => {
    const states: States = new Map([
      [1, { user: { name: 'Ann', color: 'red' } }],
      [2, { user: { name: 'Bob' } }],
      [3, { user: { name: '  ' } }],
      [4, {}],
    ]);
    const people = readPresentPeople(states, 1, createColorAssigner());
    expect(people.map((p) => p.name)).toEqual(['Ann', 'Bob']);
    for (const p of people) expect(presencePalette).toContain(p.color);
  });
});
