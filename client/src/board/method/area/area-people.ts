/**
 * The people an action can be given to (issue 16): the board's members from the members API,
 * first names only (never a role), the area's group first. Read once per workspace with
 * createResource; when the server cannot be reached the list is null and the form offers a
 * name in words instead.
 */
import { createResource, type Resource } from 'solid-js';
import { useParams } from '@solidjs/router';
import type { Member } from '../../../../../shared/api.ts';
import { ApiError } from '../../../api.ts';
import { useApp } from '../../../app-context.ts';
import { firstName } from '../../present-people.ts';

export interface Person {
  id: string;
  /** The first name; the whole name where two people share a first name. */
  name: string;
  inGroup: boolean;
}

/** Members as people to choose from: the group's first (in the group's order), then the rest by name. */
export function peopleToChoose(members: readonly Member[], group: readonly string[], me: string): Person[] {
  const firsts = new Map<string, number>();
  for (const member of members) firsts.set(firstName(member.displayName), (firsts.get(firstName(member.displayName)) ?? 0) + 1);
  const name = (member: Member) => {
    const first = firstName(member.displayName);
    const shown = (firsts.get(first) ?? 0) > 1 ? member.displayName.trim() : first;
    return member.id === me ? `${shown} (you)` : shown;
  };
  const inGroup = members.filter((member) => group.includes(member.id)).sort((a, b) => group.indexOf(a.id) - group.indexOf(b.id));
  const others = members.filter((member) => !group.includes(member.id)).sort((a, b) => name(a).localeCompare(name(b), 'en-GB'));
  return [...inGroup.map((member) => ({ id: member.id, name: name(member), inGroup: true })), ...others.map((member) => ({ id: member.id, name: name(member), inGroup: false }))];
}

/** The board's members, asked for once; null when the server could not be reached. */
export function createMembers(): Resource<Member[] | null> {
  const { api } = useApp();
  const params = useParams<{ id: string }>();
  const [members] = createResource(
    () => params.id,
    async (boardId) => {
      try {
        return await api.listMembers(boardId);
      } catch (err) {
        if (err instanceof ApiError) return null;
        throw err;
      }
    },
  );
  return members;
}
