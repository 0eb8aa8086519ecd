/**
 * What the PDF says, read from a board document once: the cover's facts, the journey stage by
 * stage (each touchpoint's title, story, who added it and how people felt), the method after the
 * map when the board has it (method-model.ts: priority areas, action plans, the review), and —
 * when asked — the comments, thread by thread (on the map, then on the priority areas, their
 * actions and ideas). Plain data, so the writer (board-pdf.ts) only lays it out and
 * the choices (no names, comments) are decided here, where they are tested.
 *
 * Names: a member's display name from the members list; someone no longer on the board is "A
 * former member". With `anonymise` no name is read at all: "Added by" is left out and every
 * comment is "Someone on this board". A comment posted without a name has no author in the
 * document, so its author cannot reach the file whatever is asked. Hidden comments show their
 * reason, never words (those are not in the document). What "Recently deleted" holds is left out.
 * Perspectives' lines (issue 17) come from the server, not the document: perspective-model.ts.
 */
import * as Y from 'yjs';
import { boardTypes } from '../../shared/board-document.ts';
import { readThreads, targetKey, type CommentInfo, type CommentTarget, type Thread } from '../../shared/comment-read.ts';
import { stageName, touchpointName } from '../../shared/curve-words.ts';
import { parseFeelingKey, type FeelingStats } from '../../shared/feeling-stats.ts';
import { readJourney, type Journey } from '../../shared/journey.ts';
import { actionsOf, ideasOf, prioritiesOf } from '../../shared/method.ts';
import { phaseStep } from '../../shared/phase-words.ts';
import { readMethod, type ExportMethod } from './method-model.ts';
import { consentOf, storyWithdrawn } from '../../shared/consent.ts';
import type { PerspectiveLines } from '../../shared/api.ts';
import { readPerspectiveLines, type ExportPerspectives } from './perspective-model.ts';

export interface ExportTouchpoint {
  id: string;
  /** "Untitled touchpoint" when it has none. */
  title: string;
  /** '' when there is none — or when it is left out (see `storyLeftOut`). */
  story: string;
  /** The story is there but its storyteller has not said "Ready to share", and this is not an internal copy. */
  storyLeftOut: boolean;
  /** Its storyteller withdrew the story (`withdrawnAt` is set) and no story has been written since. */
  withdrawn: boolean;
  /** Who added it, in words; null when names are left out. */
  addedBy: string | null;
  stats: FeelingStats;
  /** 1-based place in the whole journey (the curve's numbering). */
  number: number;
}

export interface ExportStage {
  id: string;
  title: string;
  touchpoints: ExportTouchpoint[];
}

export interface ExportComment {
  id: string;
  /** The author in words ("Sam", "Someone on this board", "A former member"). */
  author: string;
  /** The words; for a hidden comment, null (see `hiddenReason`). */
  body: string | null;
  hiddenReason: string | null;
  createdAt: number;
  edited: boolean;
  meToo: number;
}

export interface ExportThread {
  first: ExportComment;
  replies: ExportComment[];
  /** Marked as sorted. */
  resolved: boolean;
}

export interface ExportCommentGroup {
  /** "On the whole board", "On the stage “Arriving”", "On “At the desk”". */
  heading: string;
  threads: ExportThread[];
}

export interface ExportModel {
  title: string;
  purpose: string;
  /** "Step 2 of 5: Sharing experiences". */
  phase: string;
  /** People who added a card, said how a moment felt, or commented with their name. */
  contributors: number;
  stages: ExportStage[];
  journey: Journey;
  /** Touchpoint titles by id, for the curve's labels and table. */
  titles: ReadonlyMap<string, string>;
  /** How each group felt (issue 17); null when the board has no perspectives. */
  perspectives: ExportPerspectives | null;
  /** The priority areas, their action plans and the review; null when the board has no priority areas. */
  method: ExportMethod | null;
  /** Null unless comments were asked for. */
  comments: ExportCommentGroup[] | null;
  anonymised: boolean;
  /** An internal copy: stories not agreed for sharing are in it, and every page says so. */
  internal: boolean;
  /** How many stories were left out because their storyteller has not said "Ready to share". */
  storiesLeftOut: number;
}

export interface ExportChoices {
  anonymise: boolean;
  comments: boolean;
  internal: boolean;
}

/** Said for every author when names are left out, and for a comment posted without a name. */
export const someoneOnThisBoard = 'Someone on this board';
/** Said for someone who is no longer a member (their name is not kept). */
export const formerMember = 'A former member';

/** The first words of a long text, for a heading that names it. */
const shortened = (words: string, most = 60): string => {
  const flat = words.trim().replace(/\s+/g, ' ');
  return flat.length <= most ? flat : `${flat.slice(0, most).replace(/\s+\S*$/, '')}…`;
};

const text = (value: unknown): string => (typeof value === 'string' ? value : value instanceof Y.Text ? value.toString() : '');

/**
 * Reads board `boardId`'s `doc` into what the PDF says; `names` maps members' user ids to display
 * names; `lines` are the perspectives' lines as the server last worked them out (null: none);
 * `feelingOwners` says whose each feeling is (document key → user id; the server's records), to
 * count the people who took part.
 */
export function readExport(
  doc: Y.Doc,
  boardId: string,
  names: ReadonlyMap<string, string>,
  choices: ExportChoices,
  lines: PerspectiveLines | null = null,
  feelingOwners?: ReadonlyMap<string, string>,
): ExportModel {
  const { meta, touchpoints, feelings, feelingsAfter, comments } = boardTypes(doc);
  const journey = readJourney(doc);
  const nameOf = (userId: string | null): string => {
    if (choices.anonymise || userId === null) return someoneOnThisBoard;
    return names.get(userId) ?? formerMember;
  };

  const shown = new Set(journey.rows.map((row) => row.touchpointId));
  const titles = new Map<string, string>();
  const people = new Set<string>();
  const byStage = new Map<string, ExportTouchpoint[]>();
  let storiesLeftOut = 0;
  for (const row of journey.rows) {
    const touchpoint = touchpoints.get(row.touchpointId) as Y.Map<unknown>;
    const title = touchpointName(text(touchpoint.get('title')));
    const createdBy = text(touchpoint.get('createdBy'));
    if (createdBy !== '') people.add(createdBy);
    titles.set(row.touchpointId, title);
    let list = byStage.get(row.stageId);
    if (list === undefined) byStage.set(row.stageId, (list = []));
    // Stories are given, not taken: only a storyteller's "Ready to share" lets one leave the board.
    const story = text(touchpoint.get('story')).trim();
    const storyLeftOut = story !== '' && !choices.internal && consentOf(touchpoint) !== 'ready';
    if (storyLeftOut) storiesLeftOut++;
    list.push({
      id: row.touchpointId,
      title,
      story: storyLeftOut ? '' : story,
      storyLeftOut,
      withdrawn: storyWithdrawn(touchpoint),
      addedBy: choices.anonymise || createdBy === '' ? null : nameOf(createdBy),
      stats: row.stats,
      number: row.position + 1,
    });
  }
  // Feelings are under keys that name nobody (issue 17): whose each is comes from the server's
  // records. Without them (a document read on its own), a key's second part stands for a person,
  // as it did in boards from before.
  for (const key of [...feelings.keys(), ...feelingsAfter.keys()]) {
    const parts = parseFeelingKey(key);
    if (parts !== null && shown.has(parts.touchpointId)) people.add(feelingOwners === undefined ? parts.participantId : (feelingOwners.get(key) ?? key));
  }
  const method = readMethod(doc, { before: journey, now: readJourney(doc, 'feelingsAfter'), titles }, names, choices.anonymise);
  for (const writer of method?.writers ?? []) people.add(writer);
  const threads = readThreads(doc);
  for (const list of Object.values(threads)) {
    for (const thread of list) for (const comment of [thread.first, ...thread.replies]) if (comment.authorId !== null) people.add(comment.authorId);
  }

  const stages = journey.stages.map((stage) => ({ id: stage.id, title: stageName(stage.title), touchpoints: byStage.get(stage.id) ?? [] }));
  const bodyOf = (id: string): string => text((comments.get(id) as Y.Map<unknown> | undefined)?.get('body'));
  const exportComment = (comment: CommentInfo): ExportComment => ({
    id: comment.id,
    author: nameOf(comment.authorId),
    body: comment.hidden === null ? bodyOf(comment.id).trim() : null,
    hiddenReason: comment.hidden?.reason ?? null,
    createdAt: comment.createdAt,
    edited: comment.editedAt !== null,
    meToo: comment.meToo,
  });
  const group = (heading: string, target: CommentTarget): ExportCommentGroup | null => {
    const list: Thread[] = threads[targetKey(target)] ?? [];
    if (list.length === 0) return null;
    return {
      heading,
      threads: list.map((thread) => ({ first: exportComment(thread.first), replies: thread.replies.map(exportComment), resolved: thread.first.resolvedAt !== null })),
    };
  };
  let commentGroups: ExportCommentGroup[] | null = null;
  if (choices.comments) {
    const groups: (ExportCommentGroup | null)[] = [group('On the whole board', { type: 'board', id: boardId })];
    for (const stage of stages) {
      groups.push(group(`On the stage “${stage.title}”`, { type: 'stage', id: stage.id }));
      for (const touchpoint of stage.touchpoints) groups.push(group(`On “${touchpoint.title}”`, { type: 'touchpoint', id: touchpoint.id }));
    }
    // Then the method's records, area by area in the board's order: the area, its actions, its ideas.
    for (const priority of prioritiesOf(doc)) {
      const area = priority.title.trim() || 'Untitled priority area';
      groups.push(group(`On the priority area “${area}”`, { type: 'priority', id: priority.id }));
      for (const action of actionsOf(doc, priority.id)) groups.push(group(`On the action “${shortened(action.what) || 'Not written yet'}” for “${area}”`, { type: 'action', id: action.id }));
      for (const idea of ideasOf(doc, priority.id)) groups.push(group(`On an idea for “${area}”: “${shortened(idea.body)}”`, { type: 'idea', id: idea.id }));
    }
    commentGroups = groups.filter((entry): entry is ExportCommentGroup => entry !== null);
  }

  const purpose = text(meta.get('purpose')).trim();
  return {
    title: text(meta.get('title')).trim() || 'Untitled board',
    purpose,
    phase: phaseStep(meta.get('phase')),
    contributors: people.size,
    stages,
    journey,
    titles,
    perspectives: readPerspectiveLines(lines, journey, titles),
    method,
    comments: commentGroups,
    anonymised: choices.anonymise,
    internal: choices.internal,
    storiesLeftOut,
  };
}
