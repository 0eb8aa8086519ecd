/**
 * Who is signed in. One store for the whole app so the header, the home page and the board all
 * agree; it talks to the server only through the {@link Api} agent it is given.
 */
import { onCleanup } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { LoginBody, RegisterBody, User } from '../../../shared/api.ts';
import { ApiError, type Api } from '../api.ts';
import { forgetLocalCopies } from '../local-copies.ts';
import { forgetSignedIn, rememberSignedIn } from '../remembered-boards.ts';

/**
 * `checking`: asking the server who we are (first load). `ready`: we know (`user` may be null).
 * `unreachable`: the server could not tell us; `error` says why and `check()` tries again.
 */
export type SessionStatus = 'checking' | 'ready' | 'unreachable';

export interface SessionState {
  status: SessionStatus;
  user: User | null;
  error: ApiError | null;
}

export interface SessionStore {
  readonly state: SessionState;
  /** Asks the server who is signed in. Called once by the factory; call again to retry. */
  check(): Promise<void>;
  /** Makes an account and signs in. Throws `ApiError` (for the form to show). */
  register(body: RegisterBody): Promise<User>;
  /** Signs in. Throws `ApiError` (for the form to show). */
  login(body: LoginBody): Promise<User>;
  /** Signs out. Throws `ApiError`; the person stays signed in when it fails. */
  logout(): Promise<void>;
  /** Signs out on every device, this one included, and forgets this device's board copies. */
  logoutEverywhere(): Promise<void>;
  /**
   * Joins a board by invite link and returns its id. Without a signed-in person the server makes
   * a guest account from `displayName` and signs it in, so we ask who we are afterwards.
   */
  joinByInvite(token: string, displayName?: string): Promise<string>;
  /** Changes the signed-in person's name everywhere (the header, boards, presence). */
  rename(displayName: string): Promise<User>;
  /** Adds an email and password to the account, so a guest can come back from anywhere. */
  addCredentials(body: { email: string; password: string }): Promise<User>;
}

/** Makes the session store and starts the first check. Call inside a Solid root. */
export function createSessionStore(api: Api): SessionStore {
  const [state, setState] = createStore<SessionState>({ status: 'checking', user: null, error: null });
  /** Every answer naming the signed-in person is remembered, for opening boards offline. */
  const signedIn = (user: User) => {
    rememberSignedIn(user);
    setState({ status: 'ready', user, error: null });
  };

  async function check(): Promise<void> {
    setState({ status: 'checking', error: null });
    try {
      signedIn(await api.me());
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      // 401 is the ordinary answer for "nobody is signed in", not a failure.
      if (err.status === 401) {
        forgetSignedIn();
        setState({ status: 'ready', user: null, error: null });
      } else setState({ status: 'unreachable', user: null, error: err });
    }
  }

  void check();
  // Back online after the server could not be reached (a board opened offline): ask again.
  const onOnline = () => {
    if (state.status === 'unreachable') void check();
  };
  window.addEventListener('online', onOnline);
  onCleanup(() => window.removeEventListener('online', onOnline));

  return {
    state,
    check,
    async register(body) {
      const user = await api.register(body);
      signedIn(user);
      return user;
    },
    async login(body) {
      const user = await api.login(body);
      signedIn(user);
      return user;
    },
    async logout() {
      await api.logout();
      await forgetLocalCopies();
      setState({ status: 'ready', user: null, error: null });
    },
    async logoutEverywhere() {
      await api.logoutEverywhere();
      await forgetLocalCopies();
      setState({ status: 'ready', user: null, error: null });
    },
    async joinByInvite(token, displayName) {
      const boardId = await api.acceptInvite(token, state.user === null ? displayName : undefined);
      if (state.user === null) await check();
      return boardId;
    },
    async rename(displayName) {
      const user = await api.updateMe({ displayName });
      rememberSignedIn(user);
      setState('user', user);
      return user;
    },
    async addCredentials(body) {
      const user = await api.addCredentials(body);
      rememberSignedIn(user);
      setState('user', user);
      return user;
    },
  };
}
