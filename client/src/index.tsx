/**
 * The client's entry: makes the one API agent and the stores, then mounts the routes of the
 * contract's pages (`/`, `/boards/:id`, `/invite/:token`) and `/account` inside the shared layout.
 */
import { render } from 'solid-js/web';
import { Route, Router } from '@solidjs/router';
import { createApi } from './api.ts';
import { AppContext } from './app-context.ts';
import { Layout } from './Layout.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { InvitePage } from './pages/InvitePage.tsx';
import { AccountPage } from './pages/AccountPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { BoardPage } from './board/BoardPage.tsx';
import { createBoardsStore } from './stores/boards.ts';
import { createSessionStore } from './stores/session.ts';
import './styles.css';

function App() {
  const api = createApi();
  const session = createSessionStore(api);
  const boards = createBoardsStore(api, session);
  return (
    <AppContext.Provider value={{ api, session, boards }}>
      <Router root={Layout}>
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
render(() => <App />, mount);
