/** The `/invite/:token` page: a placeholder until joining by invite link is built. */
import { A } from '@solidjs/router';
import { usePageTitle } from '../page-focus.ts';

export function InvitePage() {
  usePageTitle(() => 'Join a board');
  return (
    <>
      <h1>Join a board</h1>
      <p>Invites are coming soon. Please keep this link and try it again later.</p>
      <p>
        <A href="/">Go to the home page</A>
      </p>
    </>
  );
}
