/**
 * The client's entry: makes the one API agent and the stores, then mounts the routes of the
 * contract's pages (`/`, `/boards/:id`, `/invite/:token`) and `/account` inside the shared layout.
 *
 * Each page is its own chunk, loaded when first shown (`lazy`): someone opening an invite link or
 * the sign-in page on a slow connection downloads neither the board nor Yjs. Until a page's chunk
 * is here it says in words what is opening, as index.html does before this script arrives.
 */
import { lazy, Show, Suspense, type JSX } from 'solid-js';
import { render } from 'solid-js/web';
import { Route, Router, useIsRouting, useLocation, type RouteSectionProps } from '@solidjs/router';
import { createApi } from './api.ts';
import { AppContext } from './app-context.ts';
import { Layout } from './Layout.tsx';
import { registerOfflineShell } from './offline-shell.ts';
import { applyReadableFont } from './fonts.ts';
import { createBoardsStore } from './stores/boards.ts';
import { createSessionStore } from './stores/session.ts';
import './styles.css';

/** The first page's chunk: the service worker is registered only once it is here (offline-shell.ts). */
let firstPage: Promise<unknown> | undefined;
function pageChunk<T>(chunk: Promise<T>): Promise<T> {
  firstPage ??= chunk;
  return chunk;
}
const HomePage = lazy(() => pageChunk(import('./pages/HomePage.tsx')).then((m) => ({ default: m.HomePage })));
const InvitePage = lazy(() => pageChunk(import('./pages/InvitePage.tsx')).then((m) => ({ default: m.InvitePage })));
const AccountPage = lazy(() => pageChunk(import('./pages/AccountPage.tsx')).then((m) => ({ default: m.AccountPage })));
const NotFoundPage = lazy(() => pageChunk(import('./pages/NotFoundPage.tsx')).then((m) => ({ default: m.NotFoundPage })));
const BoardPage = lazy(() => pageChunk(import('./board/BoardPage.tsx')).then((m) => ({ default: m.BoardPage })));

/** What is opening, in words, while a page's chunk downloads. */
function PageOpening() {
  const location = useLocation();
  const what = () => {
    if (location.pathname.startsWith('/boards/')) return 'Opening the board…';
    if (location.pathname.startsWith('/invite/')) return 'Opening the invitation…';
    return 'Opening the page…';
  };
  return (
    <>
      <h1>{what()}</h1>
      <p>This can take a little while on a slow connection.</p>
    </>
  );
}

/** The layout, with words while the first page loads and while a link leads to a page not yet here. */
function Frame(props: RouteSectionProps): JSX.Element {
  const routing = useIsRouting();
  return (
    <Layout {...props}>
      <Show when={routing()}>
        <p role="status" class="notice">
          Opening…
        </p>
      </Show>
      <Suspense fallback={<PageOpening />}>{props.children}</Suspense>
    </Layout>
  );
}

function App() {
  const api = createApi();
  const session = createSessionStore(api);
  const boards = createBoardsStore(api, session);
  return (
    <AppContext.Provider value={{ api, session, boards }}>
      <Router root={Frame}>
        <Route path="/" component={HomePage} />
        <Route path="/boards/:id" component={BoardPage} />
        <Route path="/invite/:token" component={InvitePage} />
        <Route path="/account" component={AccountPage} />
        <Route path="*rest" component={NotFoundPage} />
      </Router>
    </AppContext.Provider>
  );
}

const mount = document.getElementById('app');
if (mount === null) throw new Error('index.html has no #app element');
mount.replaceChildren(); // index.html's words for the wait; the app says its own from here
applyReadableFont(); // before the first paint: the readable font when this device has it
render(() => <App />, mount);
registerOfflineShell(firstPage ?? Promise.resolve());
