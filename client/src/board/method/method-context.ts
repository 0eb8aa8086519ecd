/**
 * The method's part of the board page (issue 16), made once by BoardPage and read with
 * `useMethod()`: the phase, the priority areas and the dot totals (method-data.ts), and which view
 * the address shows (method-views.ts) with links to the others. A view is changed by following a
 * link (a real address: it can be bookmarked and Back returns), through the router, so the board's
 * connection stays open. When the view changes, focus goes to its heading so a screen reader
 * reads where the person is now.
 */
import { createContext, createEffect, createMemo, on, useContext, type Accessor } from 'solid-js';
import { useNavigate, useSearchParams } from '@solidjs/router';
import { provideMapShower } from './show-map.ts';
import type * as Y from 'yjs';
import type { Announcer } from '../announcer.ts';
import { createMethodData, type MethodData } from './method-data.ts';
import { methodViewQuery, readMethodView, type MethodView } from './method-views.ts';

/** The element every view is drawn in; its first h2 takes focus when the view changes. */
export const methodViewId = 'board-view';

export interface Method extends MethodData {
  view: Accessor<MethodView>;
  /** The address of `view` on this board, for a link. */
  href(view: MethodView): string;
  /** Whether `view` is the one shown. */
  showing(view: MethodView): boolean;
  /** The view's name for the browser tab ("Priorities", an area's name); null for the map. */
  viewName(): string | null;
}

const viewKey = (view: MethodView): string =>
  view.kind === 'area' ? `area:${view.id}` : view.kind === 'history' ? `history:${view.version ?? ''}` : view.kind;

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Moves focus to the view's first h2 (or the view itself) once the page has drawn it. */
function focusView(): void {
  requestAnimationFrame(() => {
    const box = document.getElementById(methodViewId);
    if (box === null) return;
    const target = box.querySelector<HTMLElement>('h2') ?? box;
    target.tabIndex = -1;
    target.focus();
  });
}

/** Follows the document and the address. Call inside the board page. */
export function createMethod(doc: Y.Doc, boardId: string, announcer: Announcer): Method {
  const [params] = useSearchParams<{ view?: string; area?: string; version?: string }>();
  const view = createMemo(() => readMethodView({ view: params.view, area: params.area, version: params.version }), undefined, {
    equals: (a, b) => viewKey(a) === viewKey(b),
  });
  createEffect(on(view, focusView, { defer: true }));
  const path = `/boards/${encodeURIComponent(boardId)}`;
  const data = createMethodData(doc, announcer);
  const navigate = useNavigate();
  // "Bring everyone here", the vote's results and "What's new" go to a card on the map (show-map.ts).
  provideMapShower(async () => {
    if (view().kind === 'map') return;
    navigate(path);
    // Drawn, and the view's own focus move (a frame after the change) done, before the card takes focus.
    for (let frame = 0; frame < 30 && (view().kind !== 'map' || document.querySelector('.stages') === null); frame++) await nextFrame();
    await nextFrame();
    await nextFrame();
  });
  return {
    phase: data.phase,
    // A getter, not a copy: the store array follows the document.
    get priorities() {
      return data.priorities;
    },
    priority: data.priority,
    dots: data.dots,
    view,
    href(target) {
      const query = methodViewQuery(target);
      const search = new URLSearchParams();
      if (query.view !== undefined) search.set('view', query.view);
      if (query.area !== undefined) search.set('area', query.area);
      if (query.version !== undefined) search.set('version', query.version);
      const text = search.toString();
      return text === '' ? path : `${path}?${text}`;
    },
    showing: (target) => viewKey(view()) === viewKey(target),
    viewName() {
      const current = view();
      if (current.kind === 'map') return null;
      if (current.kind === 'priorities') return 'Priorities';
      if (current.kind === 'review') return 'Review';
      if (current.kind === 'outline') return 'Outline';
      if (current.kind === 'perspectives') return 'How each group felt';
      if (current.kind === 'history') return 'History';
      return data.priority(current.id)?.title.trim() || 'Priority area';
    },
  };
}

const MethodContext = createContext<Method>();

/** Provides the method to everything on the board page. */
export const MethodProvider = MethodContext.Provider;

/** The board's method. Throws outside a MethodProvider (a programming error). */
export function useMethod(): Method {
  const value = useContext(MethodContext);
  if (value === undefined) throw new Error('useMethod() needs a MethodProvider above it');
  return value;
}
