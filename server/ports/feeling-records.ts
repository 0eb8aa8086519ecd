/**
 * Whose each feeling is, kept by the server beside a board's document and never in it. The
 * document holds feelings under keys the server makes up (`touchpointId/<random>`, written with
 * the server's own Yjs client id), so no client can tell whose a feeling is — which a perspective's
 * line (issue 17) would otherwise give away. The server needs to know, to let each person change
 * or clear their own, to take a withdrawn story's teller's feelings with it, and to work out the
 * lines. Node keeps the rows in the database's `feeling_owners` table with a board id; a board's
 * Durable Object in its own SQLite. They go with the feeling, and with the board.
 */
import type { FeelingMapName } from '../../shared/api.ts';

/** One feeling's owner: in which map, under which key of the document, whose. */
export interface FeelingOwner {
  map: FeelingMapName;
  key: string;
  touchpointId: string;
  userId: string;
}

export interface FeelingRecords {
  /** Every feeling's owner on the board (one read, at load and for the lines). */
  all(): Promise<FeelingOwner[]>;
  /** The key of `userId`'s feeling at a touchpoint in one map, if the records have one. */
  keyOf(map: FeelingMapName, touchpointId: string, userId: string): Promise<string | undefined>;
  /** Every feeling's owner of one person (their own, for them). */
  ofPerson(userId: string): Promise<FeelingOwner[]>;
  /** Records whose a feeling is (before it is written into the document). */
  add(owner: FeelingOwner): Promise<void>;
  /** Several at once, in one write (a board from before, at load). */
  addAll(owners: readonly FeelingOwner[]): Promise<void>;
  /** Forgets one feeling's owner (the feeling is gone). */
  remove(map: FeelingMapName, key: string): Promise<void>;
  /** Forgets the owners of feelings no longer in the document. */
  keepOnly(present: Readonly<Record<FeelingMapName, ReadonlySet<string>>>): Promise<void>;
}
