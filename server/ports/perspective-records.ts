/**
 * Each person's perspective on a board (issue 17, shared/perspectives.ts) and the lines last worked
 * out from them, kept by the server beside the board's document and never in it: nobody's choice is
 * in the document, in presence or in any answer but their own. Node keeps them in the database's
 * `perspective_choices` and `perspective_lines` tables with a board id; a board's Durable Object in
 * its own SQLite. They go with the board.
 */
import type { PerspectiveLines } from '../../shared/api.ts';

export interface PerspectiveRecords {
  /** `userId`'s choice, or null. */
  choiceOf(userId: string): Promise<string | null>;
  /** Sets (or, with null, takes back) `userId`'s choice. */
  choose(userId: string, choice: string | null): Promise<void>;
  /** Everyone's choice: user id → choice id. */
  choices(): Promise<Map<string, string>>;
  /** The lines last worked out, and when (ms); null when never. */
  savedLines(): Promise<{ at: number; lines: PerspectiveLines } | null>;
  /** Keeps the lines just worked out. */
  saveLines(at: number, lines: PerspectiveLines): Promise<void>;
}
