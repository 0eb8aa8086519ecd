/** Joining a board the way people do: a facilitator makes an invite link, someone accepts it. */
import type { InviteAccess } from '../../shared/access.ts';
import type { CreatedInvite } from '../../shared/api.ts';
import { api, cookieFrom, type AppAddress, type TestPerson } from './test-server.ts';

/** Creates an invite on `boardId` as `facilitator`. */
export async function createInvite(
  server: AppAddress,
  facilitator: TestPerson,
  boardId: string,
  body: { access: InviteAccess; expiresInHours?: number; maxUses?: number },
): Promise<CreatedInvite> {
  const response = await api(server, `/api/boards/${boardId}/invites`, { body, cookie: facilitator.cookie });
  if (response.status !== 201) throw new Error(`create invite failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as CreatedInvite;
}

/** Joins with an existing account (`person`) or, given a name, as a new guest. */
export async function acceptInvite(server: AppAddress, token: string, who: TestPerson | string): Promise<TestPerson> {
  const signedIn = typeof who !== 'string';
  const response = await api(server, `/api/invites/${token}/accept`, {
    body: signedIn ? {} : { displayName: who },
    cookie: signedIn ? who.cookie : undefined,
  });
  if (response.status !== 200) throw new Error(`accept invite failed: ${response.status} ${await response.text()}`);
  if (signedIn) return who;
  const cookie = cookieFrom(response);
  const me = (await (await api(server, '/api/me', { cookie })).json()) as { user: { id: string } };
  return { id: me.user.id, displayName: who, cookie };
}

/** A facilitator invites with `access` and `who` joins; returns the joined person. */
export async function joinBoard(
  server: AppAddress,
  facilitator: TestPerson,
  boardId: string,
  access: InviteAccess,
  who: TestPerson | string,
): Promise<TestPerson> {
  const { token } = await createInvite(server, facilitator, boardId, { access });
  return acceptInvite(server, token, who);
}
