/**
 * The board's history (issue 17): "nothing is lost" includes other people's mistakes. The server
 * keeps versions of a board — the whole document as it was — at the end of each live session
 * (when the last person leaves after changes) and at least once a day while it stays open with
 * changes; how many it keeps is bounded (server/sync/history-keeping.ts). People browse a version
 * as the map was, see what changed since, and restore a touchpoint, a stage or the whole board
 * as a NEW change that everyone sees arrive: nothing is rewritten, and what a restore takes away
 * goes to "Recently deleted", so nothing is lost by restoring either. A withdrawn story is taken
 * out of every version when it is withdrawn.
 *
 * HTTP (any member may look; restoring needs the access the change itself would):
 * - `GET /api/boards/:id/history` → {@link HistoryList}
 * - `GET /api/boards/:id/history/:versionId` → {@link HistoryVersion}
 * - `POST /api/boards/:id/history/:versionId/restore` body {@link RestoreRequest} → {@link RestoreResult}
 *   (a touchpoint: `edit`; a stage or the whole board: `facilitate`; 404 `not_found` when the
 *   version or the thing is not in it; 409 `stage_gone` when a touchpoint's stage is not on the
 *   board now — restore the stage first).
 */
import * as Y from 'yjs';
import { boardTypes } from './board-document.ts';
import { consentOf, type Consent } from './consent.ts';
import type { ScoreCounts } from './feeling-stats.ts';
import { readJourney } from './journey.ts';

export interface HistoryEntry {
  id: string;
  /** When the version was kept (the server's clock, ms since 1970). */
  at: number;
}

/** Newest first. */
export interface HistoryList {
  versions: HistoryEntry[];
}

/** One touchpoint as a version had it. */
export interface HistoryTouchpoint {
  id: string;
  title: string;
  story: string;
  consent: Consent;
  createdBy: string;
  /** How many people had said how it felt, and how many at each score, worst (−2) first (no one's own feeling). */
  feelings: { count: number; scoreCounts: ScoreCounts };
}

export interface HistoryStage {
  id: string;
  title: string;
  touchpoints: HistoryTouchpoint[];
}

/** The map as it was: what the board showed (things in "Recently deleted" then are left out). */
export interface HistoryBoard {
  title: string;
  purpose: string;
  stages: HistoryStage[];
}

export interface HistoryVersion extends HistoryEntry {
  board: HistoryBoard;
}

export type RestoreRequest = { what: 'touchpoint'; id: string } | { what: 'stage'; id: string } | { what: 'board' };

export interface RestoreResult {
  /** Touchpoints and stages whose content was put back as the version had them. */
  restored: number;
  /** Things added since that a whole-board or stage restore moved to "Recently deleted". */
  movedToRecentlyDeleted: number;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : value instanceof Y.Text ? value.toString() : '');

/** Reads a version's document as the map showed it. */
export function readHistoryBoard(doc: Y.Doc): HistoryBoard {
  const { meta, touchpoints } = boardTypes(doc);
  const journey = readJourney(doc);
  const byStage = new Map<string, HistoryTouchpoint[]>();
  for (const row of journey.rows) {
    const touchpoint = touchpoints.get(row.touchpointId) as Y.Map<unknown>;
    let list = byStage.get(row.stageId);
    if (list === undefined) byStage.set(row.stageId, (list = []));
    list.push({
      id: row.touchpointId,
      title: text(touchpoint.get('title')),
      story: text(touchpoint.get('story')),
      consent: consentOf(touchpoint),
      createdBy: text(touchpoint.get('createdBy')),
      feelings: { count: row.stats.count, scoreCounts: [...row.stats.scoreCounts] },
    });
  }
  return {
    title: text(meta.get('title')),
    purpose: text(meta.get('purpose')),
    stages: journey.stages.map((stage) => ({ id: stage.id, title: stage.title, touchpoints: byStage.get(stage.id) ?? [] })),
  };
}
