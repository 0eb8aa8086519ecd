/** Any address the app does not know: say so plainly and offer the way home. */
import { A } from '@solidjs/router';
import { usePageTitle } from '../page-focus.ts';

export function NotFoundPage() {
  usePageTitle(() => 'Page not found');
  return (
    <>
      <h1>We could not find that page</h1>
      <p>The link may be wrong or out of date.</p>
      <p>
        <A href="/">Go to the home page</A>
      </p>
    </>
  );
}
