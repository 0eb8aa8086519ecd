/**
 * One kept version of the board (issue 17, `?view=history&version=<id>`): when it was kept, what
 * changed since (compared with the live board, following it as it changes), then the map as it
 * was as a document — stages as headings, each moment's name, story and how many people felt
 * what — each stage and moment marked in words where it differs now ("Changed since: the story",
 * "Not on the board now"). People who may add and change things can put back a moment that
 * differs; people who organise the board can put back a stage or the whole board. After a put
 * back the news is said, and "Go to the map" takes focus.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import { stageName, touchpointName } from '../../../../shared/curve-words.ts';
import type { HistoryVersion } from '../../../../shared/history.ts';
import { useApp } from '../../app-context.ts';
import { useBoard } from '../board-context.ts';
import { useMethod } from '../method/method-context.ts';
import { AskedState } from './AskedState.tsx';
import { changesSince, stageChanged } from './changes-since.ts';
import { createHistoryVersion, createLiveHistoryBoard, createMinuteClock } from './history-data.ts';
import { agoInWords, dayAndTime, whenInWords } from './history-dates.ts';
import { changesInWords, feelingsThen, historyWords, momentMark, stageMark, versionHeading } from './history-words.ts';
import { RestoreControl } from './RestoreControl.tsx';

export function HistoryVersionPage(props: { boardId: string; versionId: string }) {
  const { api } = useApp();
  const method = useMethod();
  const board = useBoard();
  const version = createHistoryVersion(api, () => props.boardId, () => props.versionId);
  const now = createMinuteClock();
  const [done, setDone] = createSignal<string | null>(null);
  let goToMap: HTMLAnchorElement | undefined;
  const onRestored = (words: string) => {
    setDone(words);
    board.announcer.say(words);
    requestAnimationFrame(() => goToMap?.focus());
  };
  const heading = () => {
    const kept = version.value();
    return kept === null ? `${historyWords.heading}: an earlier version` : versionHeading(whenInWords(kept.at, now()));
  };
  return (
    <>
      <h2 class="board-view__heading">{heading()}</h2>
      <Show when={version.value()}>{(kept) => <p class="hint">{`Kept ${agoInWords(kept().at, now())}.`}</p>}</Show>
      <p>
        <a class="history__back" href={method.href({ kind: 'history', version: null })}>
          {historyWords.back}
        </a>
      </p>
      <AskedState asked={version} loading={historyWords.loadingOne} />
      <Show when={done()}>
        {(words) => (
          <div class="history__done">
            <p>{words()}</p>
            <a ref={goToMap} class="button" href={method.href({ kind: 'map' })}>
              {historyWords.goToMap}
            </a>
          </div>
        )}
      </Show>
      <Show when={version.value()}>{(kept) => <VersionBody boardId={props.boardId} version={kept()} now={now()} onRestored={onRestored} />}</Show>
    </>
  );
}

function VersionBody(props: { boardId: string; version: HistoryVersion; now: number; onRestored: (words: string) => void }) {
  const board = useBoard();
  const live = createLiveHistoryBoard(board.doc);
  const changes = createMemo(() => changesSince(props.version.board, live()));
  const sentences = () => changesInWords(changes(), props.version.board);
  const day = () => dayAndTime(props.version.at, props.now);
  const restore = (request: Parameters<typeof RestoreControl>[0]['request'], name: string) => (
    <RestoreControl boardId={props.boardId} versionId={props.version.id} request={request} name={name} day={day()} onRestored={props.onRestored} />
  );
  return (
    <>
      <section class="history__changes" aria-labelledby="history-changes">
        <h3 id="history-changes">{historyWords.changedHeading}</h3>
        <Show when={sentences().length > 0} fallback={<p>{historyWords.nothingChanged}</p>}>
          <ul>
            <For each={sentences()}>{(sentence) => <li>{sentence}</li>}</For>
          </ul>
        </Show>
        <Show when={board.canFacilitate() && changes().any}>{restore({ what: 'board' }, '')}</Show>
      </section>
      <section class="history__then" aria-labelledby="history-then">
        <h3 id="history-then">{historyWords.asItWasHeading}</h3>
        <Show when={changes().boardRenamed}>
          <p>{`The board was called “${props.version.board.title.trim()}” then.`}</p>
        </Show>
        <Show when={props.version.board.purpose.trim() !== ''}>
          <p class="history__purpose">{props.version.board.purpose.trim()}</p>
        </Show>
        <Show when={props.version.board.stages.length > 0} fallback={<p>{historyWords.noStages}</p>}>
          <For each={props.version.board.stages}>
            {(stage) => (
              <div class="history__stage">
                <h4>{stageName(stage.title)}</h4>
                <Show when={stageMark(changes().stages.get(stage.id))}>{(mark) => <p class="history__mark">{mark()}</p>}</Show>
                <Show when={board.canFacilitate() && stageChanged(changes(), stage)}>{restore({ what: 'stage', id: stage.id }, stage.title)}</Show>
                <Show when={stage.touchpoints.length > 0} fallback={<p>{historyWords.noMoments}</p>}>
                  <ul class="history__moments">
                    <For each={stage.touchpoints}>
                      {(moment) => {
                        const mark = () => momentMark(changes().moments.get(moment.id));
                        return (
                          <li class="history__moment" data-touchpoint-id={moment.id}>
                            <h5>{touchpointName(moment.title)}</h5>
                            <Show when={mark()}>{(text) => <p class="history__mark">{text()}</p>}</Show>
                            <p>
                              <span class="history__label">{`${historyWords.storyLabel}: `}</span>
                              <span class="history__story">{moment.story.trim() === '' ? historyWords.noStory : moment.story}</span>
                            </p>
                            <p>
                              <span class="history__label">{`${historyWords.feelingsLabel}: `}</span>
                              {feelingsThen(moment)}
                            </p>
                            <Show when={board.canEdit() && mark() !== null}>{restore({ what: 'touchpoint', id: moment.id }, moment.title)}</Show>
                          </li>
                        );
                      }}
                    </For>
                  </ul>
                </Show>
              </div>
            )}
          </For>
        </Show>
      </section>
    </>
  );
}
