/** What every page shows when the server could not be reached to learn who is signed in. */
import type { SessionStore } from '../stores/session.ts';

export function SessionUnreachable(props: { session: SessionStore }) {
  return (
    <>
      <h1>We could not reach Common Ground</h1>
      <p>{props.session.state.error?.message}</p>
      <button type="button" class="button" onClick={() => void props.session.check()}>
        Try again
      </button>
    </>
  );
}
