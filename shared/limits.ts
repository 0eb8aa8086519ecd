/**
 * Size limits shared by the server's validation (shared/api.ts) and the client's fields. Kept
 * apart from api.ts so the client can use them without bundling zod.
 */

/** The longest name a person can give (the name field stops typing there). */
export const displayNameMaxLength = 60;

// ---- The board document (docs/board-document.md). The server's guard refuses a change that
// would leave a text longer than these; the client's fields stop typing there. Lengths are in
// UTF-16 code units, as Y.Text and JavaScript strings count them.

/** `meta.title`: the board's title. */
export const boardTitleMaxLength = 120;
/** `meta.purpose`: what the board is for, in plain words. */
export const purposeMaxLength = 1000;
/** A stage's `title`. */
export const stageTitleMaxLength = 120;
/** A touchpoint's `title`. */
export const touchpointTitleMaxLength = 200;
/** A touchpoint's `story`: long enough for a story told in an interview (about 1,500 words). */
export const storyMaxLength = 10_000;
/** A comment's `body`. */
export const commentBodyMaxLength = 4000;
/** Why a facilitator hid a comment (`hidden.reason`), shown in its place. */
export const hiddenReasonMaxLength = 200;
/** Words (cards and a person's own) in one feeling. */
export const maxWordsPerFeeling = 30;
/** A touchpoint's `order` key (fractional index); keys grow only when many cards go into one gap. */
export const orderMaxLength = 1024;
/** Most dots a facilitator may give each person in one vote (issue 15). */
export const maxDotsEach = 10;
/**
 * Fewest people who must have voted before the totals can be shown: with two, each could take
 * their own dots from the totals and see exactly how the other voted.
 */
export const fewestVotersToReveal = 3;

/** Longest timer a facilitator may set for a live session, in minutes. */
export const timerMaxMinutes = 120;

/** The EBCD method's records (issue 16, shared/method.ts). */
export const priorityTitleMaxLength = 120;
/** Why a priority area matters; an idea; an action's note. */
export const methodNoteMaxLength = 2000;
/** Before and after, at the review of one priority area. */
export const beforeAfterMaxLength = 4000;
/** What an action will change. */
export const actionWhatMaxLength = 500;
/** An action's owner in words ("Ward 4 nurses"). */
export const ownerNameMaxLength = 80;
/** Touchpoints one priority area is made from; people in one co-design group; moves in one funnel. */
export const maxListLength = 100;
