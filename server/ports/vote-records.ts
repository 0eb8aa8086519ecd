/**
 * Each person's dots in a board's open vote (issue 15), kept by the server beside the board's
 * document and never in it: the document shows only how many people have voted and, once the
 * facilitator reveals the vote, the totals. Node keeps them in the database's `vote_dots` table
 * with a board id; a board's Durable Object in its own SQLite. They go when the vote is revealed
 * or ended, when the next one opens, and with the board.
 */

export interface VoteRecords {
  /** `userId`'s dots: touchpoint id → dots (only touchpoints with at least one). */
  dotsOf(userId: string): Promise<Record<string, number>>;
  /** Sets `userId`'s dots on one touchpoint (0 removes the row). */
  setDots(userId: string, touchpointId: string, dots: number): Promise<void>;
  /** Everyone's dots added up per touchpoint, and how many people gave at least one. */
  totals(): Promise<{ totals: Map<string, number>; voters: number }>;
  /** Forgets every dot on the board. */
  clear(): Promise<void>;
}
