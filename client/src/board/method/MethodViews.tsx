/**
 * The board's parts, one at a time (issue 16): "Parts of this board" (MethodNav), then the view the
 * address asks for — the journey map (given as children by BoardPage, under its heading), the
 * priorities, one area's workspace, the review, the board as a text outline, how each group felt or its history (issue 17). Views
 * other than the map have the board's toolbar above them (Undo, Download PDF, Session, and the
 * live region everyone's news is said in).
 * When the view changes, focus goes to its first h2 (method-context.ts).
 */
import { Match, Switch, type JSX } from 'solid-js';
import { BoardToolbar } from '../BoardToolbar.tsx';
import { AreaWorkspace } from './area/AreaWorkspace.tsx';
import { methodViewId, useMethod } from './method-context.ts';
import { MethodNav } from './MethodNav.tsx';
import { OutlineView } from '../outline/OutlineView.tsx';
import { HistoryView } from '../history/HistoryView.tsx';
import { PerspectivesView } from '../perspectives/PerspectivesView.tsx';
import { PrioritiesView } from './priorities/PrioritiesView.tsx';
import { ReviewView } from './review/ReviewView.tsx';

export function MethodViews(props: { boardId: string; children: JSX.Element }) {
  const method = useMethod();
  const view = () => method.view();
  const areaId = () => {
    const current = view();
    return current.kind === 'area' ? current.id : null;
  };
  return (
    <>
      <MethodNav />
      <Switch>
        <Match when={view().kind === 'map'}>
          <div id={methodViewId} class="board-view">
            <h2 class="board-view__heading">Journey map</h2>
            {props.children}
          </div>
        </Match>
        <Match when={view().kind !== 'map'}>
          <BoardToolbar boardId={props.boardId} />
          <div id={methodViewId} class="board-view">
            <Switch>
              <Match when={view().kind === 'priorities'}>
                <PrioritiesView boardId={props.boardId} />
              </Match>
              <Match when={view().kind === 'review'}>
                <ReviewView />
              </Match>
              <Match when={view().kind === 'outline'}>
                <OutlineView boardId={props.boardId} />
              </Match>
              <Match when={view().kind === 'perspectives'}>
                <PerspectivesView boardId={props.boardId} />
              </Match>
              <Match when={view().kind === 'history'}>
                <HistoryView boardId={props.boardId} />
              </Match>
              <Match when={areaId()} keyed>
                {(areaId) => <AreaWorkspace priorityId={areaId} />}
              </Match>
            </Switch>
          </div>
        </Match>
      </Switch>
    </>
  );
}
