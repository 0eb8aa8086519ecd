/**
 * What changed since a version of the board was kept (issue 17), worked out on the page from two
 * maps in the same shape (shared/history.ts HistoryBoard): the version the server sent, and the
 * live board read with the same reader (readHistoryBoard on the live document). Stages added,
 * removed (or in "Recently deleted") and renamed; moments added and removed, and those whose name,
 * story or stage changed. Feelings are not compared: a restore never changes them. Pure, so the
 * unit tests feed it plain objects.
 */
import type { HistoryBoard } from '../../../../shared/history.ts';

export type MomentField = 'name' | 'story' | 'stage';

export type StageChange = { kind: 'same' } | { kind: 'removed' } | { kind: 'renamed'; now: string };

export type MomentChange = { kind: 'same' } | { kind: 'removed' } | { kind: 'changed'; fields: MomentField[]; nowInStage: string };

export interface ChangesSince {
  /** Each of the version's stages by id. */
  stages: ReadonlyMap<string, StageChange>;
  /** Each of the version's moments by id. */
  moments: ReadonlyMap<string, MomentChange>;
  /** On the board now, not in the version, in journey order. */
  addedStages: { id: string; title: string }[];
  addedMoments: { id: string; title: string; stageId: string; stageTitle: string }[];
  boardRenamed: boolean;
  purposeChanged: boolean;
  /** Whether anything at all differs. */
  any: boolean;
}

const same = (a: string, b: string): boolean => a.trim() === b.trim();

/** Compares the map as it was (`then`) with the map now (`now`). */
export function changesSince(then: HistoryBoard, now: HistoryBoard): ChangesSince {
  const nowStages = new Map(now.stages.map((stage) => [stage.id, stage]));
  const nowMoments = new Map(now.stages.flatMap((stage) => stage.touchpoints.map((moment) => [moment.id, { moment, stage }] as const)));
  const thenStageIds = new Set(then.stages.map((stage) => stage.id));
  const thenMomentIds = new Set(then.stages.flatMap((stage) => stage.touchpoints.map((moment) => moment.id)));

  const stages = new Map<string, StageChange>();
  const moments = new Map<string, MomentChange>();
  for (const stage of then.stages) {
    const live = nowStages.get(stage.id);
    stages.set(stage.id, live === undefined ? { kind: 'removed' } : same(live.title, stage.title) ? { kind: 'same' } : { kind: 'renamed', now: live.title });
    for (const moment of stage.touchpoints) {
      const found = nowMoments.get(moment.id);
      if (found === undefined) {
        moments.set(moment.id, { kind: 'removed' });
        continue;
      }
      const fields: MomentField[] = [];
      if (!same(found.moment.title, moment.title)) fields.push('name');
      if (!same(found.moment.story, moment.story)) fields.push('story');
      if (found.stage.id !== stage.id) fields.push('stage');
      moments.set(moment.id, fields.length === 0 ? { kind: 'same' } : { kind: 'changed', fields, nowInStage: found.stage.title });
    }
  }

  const addedStages = now.stages.filter((stage) => !thenStageIds.has(stage.id)).map(({ id, title }) => ({ id, title }));
  const addedMoments = now.stages.flatMap((stage) =>
    stage.touchpoints.filter((moment) => !thenMomentIds.has(moment.id)).map((moment) => ({ id: moment.id, title: moment.title, stageId: stage.id, stageTitle: stage.title })),
  );
  const boardRenamed = !same(then.title, now.title);
  const purposeChanged = !same(then.purpose, now.purpose);
  const any =
    boardRenamed ||
    purposeChanged ||
    addedStages.length > 0 ||
    addedMoments.length > 0 ||
    [...stages.values()].some((change) => change.kind !== 'same') ||
    [...moments.values()].some((change) => change.kind !== 'same');
  return { stages, moments, addedStages, addedMoments, boardRenamed, purposeChanged, any };
}

/** Whether putting back a stage of the version would change anything: it, its moments then, or moments added to it since. */
export function stageChanged(changes: ChangesSince, stage: HistoryBoard['stages'][number]): boolean {
  return (
    changes.stages.get(stage.id)?.kind !== 'same' ||
    stage.touchpoints.some((moment) => changes.moments.get(moment.id)?.kind !== 'same') ||
    changes.addedMoments.some((moment) => moment.stageId === stage.id)
  );
}
