/**
 * Board permissions. They are about the board, never about the person: there is no field for
 * being a patient, carer or member of staff anywhere in Common Ground.
 *
 * From most to least: `facilitate` (Can organise) > `edit` (Can add and change) > `comment` (Can
 * comment and give feelings) > `view` (Can look). What each may change in the board document is
 * enforced by the server's guard (server/sync/guard/); see docs/contract.md.
 */
export const accessLevels = ['facilitate', 'edit', 'comment', 'view'] as const;
export type Access = (typeof accessLevels)[number];

/** Access an invite may give (facilitating is given by a facilitator in the members panel). */
export const inviteAccessLevels = ['edit', 'comment', 'view'] as const;
export type InviteAccess = (typeof inviteAccessLevels)[number];

const rank: Readonly<Record<Access, number>> = { view: 0, comment: 1, edit: 2, facilitate: 3 };

/** Whether `access` allows at least what `least` allows. */
export const atLeast = (access: Access, least: Access): boolean => rank[access] >= rank[least];

/** The more of two accesses (joining by an invite never lowers what a member already has). */
export const higherAccess = (a: Access, b: Access): Access => (rank[a] >= rank[b] ? a : b);

/** Whether this access may change the map: add, change, move and delete touchpoints (`edit` and up). */
export const canEdit = (access: Access): boolean => atLeast(access, 'edit');

/** Whether this access may give their own feelings, votes and comments (`comment` and up). */
export const canComment = (access: Access): boolean => atLeast(access, 'comment');

/** Whether this access may organise: title, purpose, phase, stages, members, invites, deletion. */
export const canFacilitate = (access: Access): boolean => access === 'facilitate';
