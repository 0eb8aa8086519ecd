/**
 * Shapes of the HTTP API's requests and answers, with their validation schemas (zod), used by the
 * server to check bodies and by the client to type its calls. See docs/contract.md, "HTTP API".
 */
import { z } from 'zod';
import { commentBodyMaxLength, displayNameMaxLength, hiddenReasonMaxLength, maxDotsEach, maxWordsPerFeeling, timerMaxMinutes } from './limits.ts';
import { maxOwnWordLength } from './emotion-words.ts';
import { plainText } from './plain-text.ts';
import { commentTargetTypes } from './comment-read.ts';
import { accessLevels, inviteAccessLevels, type Access, type InviteAccess } from './access.ts';

/**
 * The signed-in person as `/api/me` tells them: an id, the name they chose, and whether the account
 * was made by joining with a name only (no email or password yet, so signing out loses it).
 * Nothing about roles. Other people see members (`Member`), never this.
 */
export interface User {
  id: string;
  displayName: string;
  guest: boolean;
}

export interface Board {
  id: string;
  title: string;
  /** The caller's permission on this board. */
  access: Access;
  createdAt: string;
}

/**
 * What others added or changed on a board since the person last had it open (or said "Mark all
 * as seen"; since they joined, if never): counts per kind. Never the person's own changes.
 */
export interface UnreadCounts {
  comments: number;
  touchpoints: number;
  feelings: number;
}

/** A board in `GET /api/boards`: with its unread counts. */
export interface ListedBoard extends Board {
  unread: UnreadCounts;
}

/** `GET /api/boards/:id/news`: what the board page marks "New" (times ISO 8601, oldest first). */
export interface BoardNews {
  /** The person's marker: when they last had the board open, or joined it. */
  since: string;
  comments: { id: string; at: string }[];
  touchpoints: { id: string; at: string }[];
  /** Feelings given or changed by others since then. */
  feelings: number;
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
  .max(displayNameMaxLength, `Please use a shorter name (${displayNameMaxLength} letters at most).`);

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

// ---- Invites, members and account changes (issue 4) ----

/** Longest an invite may live: 90 days. */
export const maxInviteHours = 24 * 90;

export const createInviteBody = z.strictObject({
  access: z.enum(inviteAccessLevels),
  /** Default 168 (7 days). */
  expiresInHours: z.number().int().min(1).max(maxInviteHours).optional(),
  /** Default: no limit. */
  maxUses: z.number().int().min(1).max(1000).optional(),
});
export type CreateInviteBody = z.infer<typeof createInviteBody>;

/** An invite as its board's facilitators see it. The token itself is shown once, at creation. */
export interface Invite {
  id: string;
  access: InviteAccess;
  createdAt: string;
  expiresAt: string;
  maxUses: number | null;
  uses: number;
  revokedAt: string | null;
}

/** `POST /api/boards/:id/invites` answer: the token and link, shown once. */
export interface CreatedInvite {
  token: string;
  url: string;
  invite: Invite;
}

/** `GET /api/invites/:token`: what someone opening the link may know before joining. */
export interface InvitePreview {
  boardTitle: string;
  purpose: string;
  access: InviteAccess;
  /** How many people are on the board (no names until you join). */
  memberCount: number;
}

export const acceptInviteBody = z.strictObject({ displayName: z.string().trim().min(1).max(displayNameMaxLength) }).partial();

export const updateMeBody = z.strictObject({ displayName });

/** A guest keeps their account by adding an email and password. */
export const addCredentialsBody = z.strictObject({ email, password });

// ---- Comments the server writes itself (docs/contract.md, "Comments"): without a name, "Me too", hiding.

const boardThingId = z.string().regex(idPattern, 'That is not an id.');
/** A comment's words: control characters other than tab and line breaks taken out, not blank, within the limit. */
const commentWords = z
  .string()
  .transform(plainText)
  .pipe(
    z
      .string()
      .refine((value) => value.trim().length > 0, 'Please write something first.')
      .refine((value) => value.length <= commentBodyMaxLength, `Please keep a comment to ${commentBodyMaxLength} letters at most.`),
  );

export const postCommentBody = z.strictObject({
  id: boardThingId,
  target: z.strictObject({ type: z.enum(commentTargetTypes), id: boardThingId }),
  parentId: boardThingId.nullable(),
  body: commentWords,
  /** True: "Comment without my name" (only where the facilitator has allowed it). */
  anonymous: z.boolean(),
});
export type PostCommentBody = z.infer<typeof postCommentBody>;

/** Change the words, or mark the conversation as sorted (true) or open it again (false). */
export const updateCommentBody = z.union([z.strictObject({ body: commentWords }), z.strictObject({ resolved: z.boolean() })]);
export type UpdateCommentBody = z.infer<typeof updateCommentBody>;

export const hideCommentBody = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(1, 'Please say in a few words why it is hidden.')
    .max(hiddenReasonMaxLength, `Please keep the reason to ${hiddenReasonMaxLength} letters at most.`),
});
export type HideCommentBody = z.infer<typeof hideCommentBody>;

/** `GET /api/boards/:id/comments/mine`: only ever the caller's own. */
export interface MyCommentsAnswer {
  /** Comments the caller posted without a name (so the page can offer them Change and Delete). */
  anonymous: string[];
  /** Comments the caller said "Me too" to. */
  meToo: string[];
}

/** `?x=1` or `?x=0` on the export's address; absent means no. */
const exportFlag = z
  .enum(['0', '1'], { message: 'Use 1 for yes or 0 for no.' })
  .optional()
  .transform((value) => value === '1');

/**
 * `GET /api/boards/:id/export.pdf` query: paper size (A4 unless asked), large print (body text
 * 18 pt and up), no names anywhere, and the comments included. Unknown keys are refused, so a
 * misspelt choice is said rather than quietly ignored.
 */
export const exportPdfQuery = z.strictObject({
  paper: z.enum(['a4', 'letter'], { message: 'Paper is a4 or letter.' }).default('a4'),
  largePrint: exportFlag,
  anonymise: exportFlag,
  comments: exportFlag,
  /**
   * An internal copy (issue 17): stories whose storyteller has not said "Ready to share" are in it
   * too, and every page says it is an internal copy. Without it they are left out.
   */
  internal: exportFlag,
});
export type ExportPdfOptions = z.infer<typeof exportPdfQuery>;

/**
 * `POST /api/boards/:id/session` (facilitator only): one of the live session's tools. The server
 * writes the result into the board document's `session` map with its own clock (shared/session.ts).
 */
export const sessionActionBody = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('start-timer'),
    minutes: z
      .number({ message: 'Say how many minutes, as a number.' })
      .int('Please give whole minutes.')
      .min(1, 'A timer runs for at least 1 minute.')
      .max(timerMaxMinutes, `A timer runs for at most ${timerMaxMinutes} minutes.`),
  }),
  z.strictObject({ action: z.literal('pause-timer') }),
  z.strictObject({ action: z.literal('resume-timer') }),
  z.strictObject({ action: z.literal('add-minute') }),
  z.strictObject({ action: z.literal('stop-timer') }),
  z.strictObject({ action: z.literal('pause-editing') }),
  z.strictObject({ action: z.literal('resume-editing') }),
  /** Anyone on the board: "I'd like to say something". */
  z.strictObject({ action: z.literal('raise-hand') }),
  /** One's own hand, or (a facilitator) anyone's: `userId` when it is not one's own. */
  z.strictObject({ action: z.literal('lower-hand'), userId: boardThingId.optional() }),
  /** Bring everyone here: every view goes to this stage or card, unless they chose to stay. */
  z.strictObject({ action: z.literal('gather'), target: z.strictObject({ type: z.enum(['stage', 'touchpoint']), id: boardThingId }) }),
]);
export type SessionActionBody = z.infer<typeof sessionActionBody>;

/**
 * `POST /api/boards/:id/vote`: hidden dot voting (issue 15). The facilitator opens a vote with
 * `dots` each, reveals it (the totals enter the document's `votes` map) or ends it; anyone who may
 * comment gives a dot to a touchpoint or takes one back. Each person's dots are kept by the
 * server only; the document says only how many people have voted (shared/vote.ts).
 */
/**
 * `POST /api/boards/:id/touchpoints/:touchpointId/withdraw` (the storyteller, or a facilitator on
 * their behalf; issue 17): the story goes for good; these say whether the storyteller's own
 * feelings and comments on that moment go with it. Answers {@link WithdrawResult} (shared/consent.ts).
 */
export const withdrawStoryBody = z.strictObject({
  feelings: z.boolean({ message: 'Say whether your feelings go too: true or false.' }),
  comments: z.boolean({ message: 'Say whether your comments go too: true or false.' }),
});

/** `POST /api/boards/:id/history/:versionId/restore` (shared/history.ts): what to put back as it was. */
export const restoreBody = z.discriminatedUnion(
  'what',
  [
    z.strictObject({ what: z.literal('touchpoint'), id: boardThingId }),
    z.strictObject({ what: z.literal('stage'), id: boardThingId }),
    z.strictObject({ what: z.literal('board') }),
  ],
  { message: 'Say what to put back: a touchpoint, a stage or the board.' },
);

export const voteActionBody = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('open'),
    dots: z
      .number({ message: 'Say how many dots each person has, as a number.' })
      .int('Please give a whole number of dots.')
      .min(1, 'Each person has at least 1 dot.')
      .max(maxDotsEach, `Each person has at most ${maxDotsEach} dots.`),
  }),
  z.strictObject({ action: z.literal('give-dot'), touchpointId: boardThingId }),
  z.strictObject({ action: z.literal('take-dot'), touchpointId: boardThingId }),
  z.strictObject({ action: z.literal('reveal') }),
  z.strictObject({ action: z.literal('end') }),
]);
export type VoteActionBody = z.infer<typeof voteActionBody>;

/**
 * The answer to `GET /api/boards/:id/vote` and to every vote action: the caller's own dots in the
 * open vote (touchpoint id → dots; nobody else's, ever) and how many they have left; `left` is
 * null when no vote is open.
 */
export interface MyDots {
  mine: Record<string, number>;
  left: number | null;
}

/** `GET /api/time` and the answer to a session action: the server's clock, in ms since the epoch. */
export interface ServerTime {
  now: number;
}

// ---- Feelings the server writes itself (docs/board-document.md, "Feelings without names").

/** Which feelings: how a moment felt (`feelings`) or how it feels now, at the review (`feelingsAfter`). */
export const feelingMaps = ['feelings', 'feelingsAfter'] as const;
export type FeelingMapName = (typeof feelingMaps)[number];

/**
 * `PUT /api/boards/:id/feelings/:touchpointId`: the caller's own feeling there, given, changed or
 * (`feeling: null`) cleared. The server writes it under a key of its own that says nothing of who
 * gave it; the caller alone is told that key.
 */
export const putFeelingBody = z.strictObject({
  map: z.enum(feelingMaps, { message: 'Say which feelings: feelings or feelingsAfter.' }).optional(),
  feeling: z
    .strictObject({
      score: z
        .number({ message: 'Say how it felt as a number from -2 to 2.' })
        .int('Say how it felt as a whole number from -2 to 2.')
        .min(-2, 'Say how it felt as a number from -2 to 2.')
        .max(2, 'Say how it felt as a number from -2 to 2.'),
      words: z
        .array(
          z
            .string()
            .trim()
            .min(1, 'A word cannot be blank.')
            .max(maxOwnWordLength, `Please keep each word to ${maxOwnWordLength} letters at most.`),
        )
        .max(maxWordsPerFeeling, `Please choose at most ${maxWordsPerFeeling} words.`),
    })
    .nullable(),
});
export type PutFeelingBody = z.infer<typeof putFeelingBody>;

/** The answer to `PUT /api/boards/:id/feelings/:touchpointId`: the key of the caller's feeling in the document, null once cleared. */
export interface MyFeelingKey {
  key: string | null;
}

/**
 * `GET /api/boards/:id/feelings/mine`: where the caller's own feelings are in the document
 * (touchpoint id → key), for each map. Only ever the caller's own.
 */
export type MyFeelings = Record<FeelingMapName, Record<string, string>>;

// ---- Perspectives (issue 17, shared/perspectives.ts): each person's choice is the server's to keep.

/** `PUT /api/boards/:id/perspective`: the caller's own choice (one of `meta.perspectives`' ids), or null to take it back. */
export const choosePerspectiveBody = z.strictObject({
  choice: z.string({ message: 'Say which perspective, or null for none.' }).regex(/^[A-Za-z0-9_-]{1,64}$/, 'That is not one of this board’s choices.').nullable(),
});
export type ChoosePerspectiveBody = z.infer<typeof choosePerspectiveBody>;

/** `GET`/`PUT /api/boards/:id/perspective`: the caller's own choice — only ever their own. */
export interface MyPerspective {
  choice: string | null;
}

/** One perspective's line at one moment: how many of them gave a feeling there and the middle of those feelings. */
export interface PerspectivePoint {
  count: number;
  /** The middle score (a half between two when the count is even), as the emotion curve's. */
  median: number;
}

/**
 * `GET /api/boards/:id/perspectives`: each perspective's line, worked out by the server at most
 * every 10 minutes. A moment's point for a perspective is null when fewer than 3 of its people gave
 * a feeling there ("Fewer than 3 people — not shown"). Nothing in it is about one person.
 */
export interface PerspectiveLines {
  /** When the lines were worked out (ISO time); null when perspectives are off. */
  workedOutAt: string | null;
  /** The choices that have lines, in the board's order ("Rather not say" never has one). */
  perspectives: { id: string; label: string }[];
  /** Every moment on the journey, in order, with each perspective's point there. */
  moments: { touchpointId: string; points: Record<string, PerspectivePoint | null> }[];
  /**
   * Moments where the shown perspectives' middles are 2 points or more apart, widest first: where
   * the realities differ most.
   */
  differMost: { touchpointId: string; gap: number; lowest: string; highest: string }[];
}
