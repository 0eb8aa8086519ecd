/**
 * Board permissions. They are about the board, never about the person: there is no field for
 * being a patient, carer or member of staff anywhere in Common Ground.
 */
export const accessLevels = ['facilitate', 'edit', 'view'] as const;
export type Access = (typeof accessLevels)[number];

/** Whether this access may change the board document. */
export const canEdit = (access: Access): boolean => access !== 'view';

/** Whether this access may manage members, invites, the phase and deletion. */
export const canFacilitate = (access: Access): boolean => access === 'facilitate';
