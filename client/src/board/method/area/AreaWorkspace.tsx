/**
 * One priority area's co-design workspace (issue 16): who is in its group (first names), why it
 * matters, the moments it was made from with their stories and their own emotion curve, the
 * group's ideas and its action plan, and comments on the area. Shown by the board's method views
 * (method-views.ts) at `?view=area&area=<id>`.
 *
 * The page offers changes exactly as the server's guard allows them (may-work.ts): facilitators
 * and the group's members who can edit work on the plan; everyone else sees it all read-only with
 * a line saying who can change it, and comments if their access lets them.
 */
import { createMemo, createUniqueId, ErrorBoundary, Show } from 'solid-js';
import type { Priority } from '../../../../../shared/method.ts';
import { useBoard } from '../../board-context.ts';
import { CommentsSection } from '../../comments/CommentsSection.tsx';
import { useLiveSession } from '../../session/session-context.ts';
import { ActionPlan } from './ActionPlan.tsx';
import { AreaTouchpoints } from './AreaTouchpoints.tsx';
import { createMembers, peopleToChoose } from './area-people.ts';
import { IdeasList } from './IdeasList.tsx';
import { createAreaRecords } from './area-records.ts';
import { listWords, ownerWords, today } from './action-words.ts';
import { mayWork, type Who } from './may-work.ts';
import './area.css';

/** Where an area is in the funnel, in words. */
export const stepWords = { considered: 'Being considered', shortlisted: 'On the shortlist', agreed: 'Agreed at the joint event', 'set-aside': 'Set aside' } as const;

/** The group's names: "Sam, Cy and you"; null when nobody is in it. */
function groupWords(priority: Priority, who: (userId: string) => string | null): string | null {
  if (priority.group.length === 0) return null;
  // "You and Bo", "Sam, Bo and you": "you" is capitalised only at the start.
  return listWords(priority.group.map((userId) => ownerWords({ userId }, who)).map((name, i) => (name === 'You' && i > 0 ? 'you' : name)));
}

/** Why this person cannot change the plan, and who can; null when they can. */
function whoCanChange(priority: Priority, who: Who, canComment: boolean, paused: boolean, names: string | null): string | null {
  if (mayWork(priority, who)) return null;
  const comment = canComment ? ' You can comment on them.' : '';
  if (priority.group.includes(who.userId)) {
    return paused
      ? 'You are in this group, but changes are paused just now by the person running the session.'
      : `You are in this group, but your access to this board lets you look and comment only, so you cannot change its ideas or action plan.${comment}`;
  }
  if (names === null) return `Nobody is in this group yet. The people who organise this board choose who is in it; they can change its ideas and action plan.${comment}`;
  return `Only the people in this group (${names}) and the people who organise this board can change its ideas and action plan.${comment}`;
}

export function AreaWorkspace(props: { priorityId: string }) {
  const board = useBoard();
  const session = useLiveSession();
  const data = createAreaRecords(board.doc);
  const members = createMembers();
  const id = createUniqueId();
  const todayDay = today();
  const priority = () => data.priority(props.priorityId);
  const who: Who = {
    userId: board.userId,
    get canEdit() {
      return board.canEdit();
    },
    get canFacilitate() {
      return board.canFacilitate();
    },
  };
  const people = createMemo(() => {
    const list = members();
    const area = priority();
    return list === null || list === undefined || area === undefined ? null : peopleToChoose(list, area.group, board.userId);
  });

  return (
    <Show
      when={priority()}
      fallback={
        <section class="area" aria-labelledby={`${id}-missing`}>
          <h2 id={`${id}-missing`}>This priority area is not on the board</h2>
          <p>It may have been removed. The priority areas list shows the ones there are.</p>
        </section>
      }
    >
      {(area) => {
        const names = () => groupWords(area(), board.names.who);
        return (
          <section class="area" aria-labelledby={`${id}-title`} data-area={area().id}>
            <h2 id={`${id}-title`} tabindex="-1">
              {area().title.trim() || 'Untitled priority area'}
            </h2>
            <p class="area__step">{stepWords[area().step]}</p>
            <Show when={whoCanChange(area(), who, board.canComment(), session.paused() !== null, names())}>
              {(words) => <p class="notice area__read-only">{words()}</p>}
            </Show>
            <div class="area__about">
              <section class="area__part" aria-labelledby={`${id}-group`}>
                <h3 id={`${id}-group`}>Who is in the group</h3>
                <p>{names() ?? 'Nobody yet.'}</p>
              </section>
              <section class="area__part" aria-labelledby={`${id}-why`}>
                <h3 id={`${id}-why`}>Why it matters</h3>
                <p class="area__why">{area().why.trim() || 'Not written yet.'}</p>
              </section>
            </div>
            <AreaTouchpoints priority={area()} />
            {/* The plan works without the members list; a failure beyond the server's answer is said here, not over the board. */}
            <ErrorBoundary fallback={<p>The ideas and action plan cannot be shown just now. Reload the page to try again.</p>}>
              <IdeasList priority={area()} ideas={data.ideasOf(area().id)} who={who} />
              <Show when={!members.loading} fallback={<p>Getting the action plan…</p>}>
                <ActionPlan priority={area()} actions={data.actionsOf(area().id)} who={who} people={people()} today={todayDay} />
              </Show>
            </ErrorBoundary>
            <section class="area__part" aria-labelledby={`${id}-comments`}>
              <h3 id={`${id}-comments`}>Comments on this area</h3>
              <CommentsSection target={{ type: 'priority', id: area().id }} about={`the priority area “${area().title.trim()}”`} />
            </section>
          </section>
        );
      }}
    </Show>
  );
}
