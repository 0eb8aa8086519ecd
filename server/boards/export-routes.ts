/**
 * `GET /api/boards/:id/export.pdf` (issue 14): the board as a tagged PDF for any member, made
 * from the document the board's room holds (or its store), streamed as it is made. The choices
 * come in the query (`exportPdfQuery`): paper, large print, no names, comments. Names come from
 * the members list, and only when names are wanted. Perspectives' lines (issue 17) are the ones
 * the server last worked out, as the page shows them: nobody's choice is in them.
 *
 * A few exports at once per server: each is CPU work for seconds on a big board, so one more is
 * told to try again shortly (503 with Retry-After) rather than slowing every board's sync; and an
 * export nobody reads for two minutes is stopped, so stuck readers cannot keep the places.
 */
import { Hono } from 'hono';
import * as Y from 'yjs';
import { exportPdfQuery, type PerspectiveLines } from '../../shared/api.ts';
import { perspectivesOf } from '../../shared/perspectives.ts';
import { requireUser, type AuthVariables } from '../auth/current-user.ts';
import { AppError } from '../http/app-error.ts';
import type { Clock } from '../ports/clock.ts';
import type { PdfFonts } from '../ports/pdf-fonts.ts';
import type { SyncControl } from '../ports/sync-control.ts';
import { boardPdf, exportFileName, parseFonts, type ParsedFonts } from '../export/board-pdf.ts';
import { readExport } from '../export/export-model.ts';
import { withStallDeadline } from '../http/stall-deadline.ts';
import { boardFor } from './board-access.ts';
import type { BoardStore } from './board-store.ts';

export interface ExportRoutesOptions {
  boards: BoardStore;
  sync: SyncControl;
  fonts: PdfFonts;
  clock: Clock;
  onError: (error: unknown) => void;
  /** Exports that may be made at once (default 2); one more is answered 503. */
  maxConcurrent?: number;
  /** An export whose reader has read nothing for this long is stopped, freeing its place (default 2 minutes). */
  stallMs?: number;
}

type Env = { Variables: AuthVariables };

/** The query's keys as given, one value each; a key given twice is refused. */
function queryOf(url: string): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of new URL(url).searchParams) {
    if (key in query) throw new AppError('invalid_query', `Please give ${key} once.`);
    query[key] = value;
  }
  return query;
}

export function exportRoutes({ boards, sync, fonts, clock, onError, maxConcurrent = 2, stallMs = 2 * 60_000 }: ExportRoutesOptions) {
  const app = new Hono<Env>();
  let parsed: Promise<ParsedFonts> | null = null;
  let running = 0;

  app.get('/boards/:id/export.pdf', async (c) => {
    const user = requireUser(c);
    const board = await boardFor(c, boards);
    const query = exportPdfQuery.safeParse(queryOf(c.req.url));
    if (!query.success) {
      const issues = query.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
      throw new AppError('invalid_query', issues[0]?.message ?? 'Those export choices are not ones we know.', issues);
    }
    const options = query.data;
    if (running >= maxConcurrent) {
      const busy = new AppError('unavailable', 'Other PDFs are being made right now. Please try again in a moment.');
      busy.retryAfterSeconds = 10;
      throw busy;
    }
    running++;
    let settled = false;
    const settle = () => {
      if (!settled) running--;
      settled = true;
    };
    try {
      const [state, members, faces, owners] = await Promise.all([
        sync.board(board.id).documentState(),
        options.anonymise ? Promise.resolve([]) : boards.members(board.id),
        (parsed ??= fonts().then(parseFonts)).catch((error: unknown) => {
          parsed = null;
          throw error;
        }),
        // Whose each feeling is, only to count the people who took part: never in the PDF.
        sync.board(board.id).feelingAction({ userId: user.id, access: board.access }, { kind: 'owners' }),
      ]);
      if (state === null) throw new AppError('not_found', 'We could not find that board.');
      const doc = new Y.Doc({ gc: true });
      let model;
      try {
        Y.applyUpdate(doc, state);
        // Asked only of a board with perspectives: working the lines out loads the board's room.
        let lines: PerspectiveLines | null = null;
        if (perspectivesOf(doc) !== null) {
          const answer = await sync.board(board.id).perspectiveAction({ userId: user.id, access: board.access }, { kind: 'lines' });
          if (!answer.ok) throw new AppError(answer.code, answer.message);
          lines = answer.lines ?? null;
        }
        const feelingOwners = new Map(owners.ok ? (owners.owners ?? []).map((owner) => [owner.key, owner.userId] as const) : []);
        model = readExport(doc, board.id, new Map(members.map((member) => [member.id, member.displayName])), options, lines, feelingOwners);
      } finally {
        doc.destroy();
      }
      const now = clock.now();
      const name = exportFileName(model.title, now);
      // A reader who stops reading (nor goes away) would hold one of the places for ever.
      const body = withStallDeadline(boardPdf({ model, options, fonts: faces, now }, onError, settle), stallMs);
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type': 'application/pdf',
          'Content-Disposition': `attachment; filename="${name}"`,
          'Cache-Control': 'no-store',
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch (error) {
      settle();
      throw error;
    }
  });

  return app;
}
