/**
 * Shapes of the HTTP API's requests and answers, with their validation schemas (zod), used by the
 * server to check bodies and by the client to type its calls. See docs/http-api.md.
 */
import { z } from 'zod';
import { accessLevels, type Access } from './access.ts';

/** A person as everyone else sees them: an id and the name they chose. Nothing about roles. */
export interface User {
  id: string;
  displayName: string;
}

export interface Board {
  id: string;
  title: string;
  /** The caller's permission on this board. */
  access: Access;
  createdAt: string;
}

export interface Member {
  id: string;
  displayName: string;
  access: Access;
}

const displayName = z
  .string()
  .trim()
  .min(1, 'Please tell us your name.')
  .max(60, 'Please use a shorter name (60 letters at most).');

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'That email address is too long.')
  .pipe(z.email('That does not look like an email address.'));

const password = z
  .string()
  .min(10, 'Please use a password of at least 10 characters.')
  .max(200, 'Please use a password of at most 200 characters.');

export const registerBody = z.strictObject({ email, password, displayName });
export type RegisterBody = z.infer<typeof registerBody>;

export const loginBody = z.strictObject({
  email,
  password: z.string().min(1, 'Please enter your password.').max(200),
});
export type LoginBody = z.infer<typeof loginBody>;

export const boardTitle = z
  .string()
  .trim()
  .min(1, 'Please give the board a title.')
  .max(120, 'Please use a shorter title (120 letters at most).');

export const createBoardBody = z.strictObject({
  title: boardTitle,
  purpose: z.string().trim().max(500, 'Please keep the aim under 500 letters.').optional(),
});
export type CreateBoardBody = z.infer<typeof createBoardBody>;

export const updateMemberBody = z.strictObject({ access: z.enum(accessLevels) });

/** Board and user ids: random, URL-safe. */
export const idPattern = /^[A-Za-z0-9_-]{8,64}$/;
