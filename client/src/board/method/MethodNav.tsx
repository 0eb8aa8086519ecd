/**
 * "Parts of this board" (issue 16): links to the journey map and, right after it, its text outline
 * (issue 17) and, while the board has perspectives, "How each group felt" (issue 17), the
 * priorities, each agreed or shortlisted priority area by name (agreed first), and
 * the review, then the board's history (issue 17), always last. Every part is always here; the board's step only puts its own tools first
 * (phase-guide.ts: in co-design the areas, at the review the review). The link to the part shown
 * is marked `aria-current="page"`.
 */
import { For, Match, Show, Switch } from 'solid-js';
import type { Priority } from '../../../../shared/method.ts';
import { useBoard } from '../board-context.ts';
import { createBoardPerspectives } from '../perspectives/board-perspectives.ts';
import { perspectiveWords } from '../perspectives/perspective-words.ts';
import { useMethod } from './method-context.ts';
import type { MethodView } from './method-views.ts';
import { partsInPhase } from './phase-guide.ts';

/** An area's name as a link says it. */
export const areaName = (priority: Pick<Priority, 'title'>): string => priority.title.trim() || 'Untitled priority area';

export function MethodNav() {
  const method = useMethod();
  const perspectives = createBoardPerspectives(useBoard().doc);
  const areas = () => [...method.priorities.filter((p) => p.step === 'agreed'), ...method.priorities.filter((p) => p.step === 'shortlisted')];
  const link = (view: MethodView, words: () => string) => (
    <li>
      <a class="method-nav__link" href={method.href(view)} aria-current={method.showing(view) ? 'page' : undefined}>
        {words()}
      </a>
    </li>
  );
  return (
    <nav class="method-nav" aria-label="Parts of this board">
      <ul class="method-nav__list">
        <For each={partsInPhase[method.phase()]}>
          {(part) => (
            <Switch>
              <Match when={part === 'map'}>
                {link({ kind: 'map' }, () => 'Journey map')}
                {link({ kind: 'outline' }, () => 'Outline')}
                <Show when={perspectives() !== null}>{link({ kind: 'perspectives' }, () => perspectiveWords.heading)}</Show>
              </Match>
              <Match when={part === 'priorities'}>{link({ kind: 'priorities' }, () => 'Priorities')}</Match>
              <Match when={part === 'areas'}>
                <For each={areas()}>{(area) => link({ kind: 'area', id: area.id }, () => areaName(area))}</For>
              </Match>
              <Match when={part === 'review'}>{link({ kind: 'review' }, () => 'Review')}</Match>
            </Switch>
          )}
        </For>
        {link({ kind: 'history', version: null }, () => 'History')}
      </ul>
    </nav>
  );
}
