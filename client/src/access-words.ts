/**
 * Board permissions in plain words, one wording used everywhere (the members panel, invites and
 * the invite page), so people learn it once. Never a role: the words say what you can do.
 */
import type { Access } from '../../shared/access.ts';

/** Short label: "Can organise", "Can add and change", "Can comment and give feelings", "Can look". */
export const accessLabel: Readonly<Record<Access, string>> = {
  facilitate: 'Can organise',
  edit: 'Can add and change',
  comment: 'Can comment and give feelings',
  view: 'Can look',
};

/** What an invite lets the person who joins do, said to them (the invite page). */
export const accessForYou: Readonly<Record<Access, string>> = {
  facilitate: 'You can add and change things, invite people and decide who can do what.',
  edit: 'You can add and change things.',
  comment: 'You can say how each moment felt and comment, but not change the stages or cards.',
  view: 'You can look, but not change things.',
};

/** One sentence saying what the permission lets a person do. */
export const accessExplained: Readonly<Record<Access, string>> = {
  facilitate: 'Can add and change things, invite people and decide who can do what.',
  edit: 'Can add and change things on the board.',
  comment: 'Can say how each moment felt and comment, but not change the stages or cards.',
  view: 'Can look at the board, but not change things.',
};
