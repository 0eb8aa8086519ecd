/**
 * Who the page offers a priority area's work to (issue 16), exactly as the server's guard allows
 * it (docs/board-document.md, "What the server accepts"), so an honest page never meets a 4422:
 * facilitators do everything; the members of the area's `group` who can edit (and are not held
 * back by a paused session — `canEdit` already says so) add actions and ideas, change any of the
 * area's actions and the before-and-after note, and remove what they added. Ideas are a person's
 * own words: the page offers changing one to the person who added it, or a facilitator.
 */
import type { Priority } from '../../../../../shared/method.ts';

export interface Who {
  userId: string;
  canEdit: boolean;
  canFacilitate: boolean;
}

/** Whether `who` may add to and change this area's plan. */
export const mayWork = (priority: Pick<Priority, 'group'>, who: Who): boolean =>
  who.canFacilitate || (who.canEdit && priority.group.includes(who.userId));

/** Whether `who` may remove (or, for an idea, change) a record `createdBy` added to the area. */
export const mayTouchOwn = (priority: Pick<Priority, 'group'>, createdBy: string, who: Who): boolean =>
  who.canFacilitate || (mayWork(priority, who) && createdBy === who.userId);
