/**
 * What the server alone knows about one board's comments, kept beside the board's document and
 * never in it: who wrote each comment posted without a name, who said "Me too" to which comment
 * (the document holds only the count), and the words of a comment a facilitator has hidden (so
 * it can be shown again). Node keeps these in the database's tables with a board id; a board's
 * Durable Object in its own SQLite. All of it goes with the board, and with the comment.
 */

export interface CommentRecords {
  /** Records that `userId` wrote `commentId` without a name. */
  addAnonymousAuthor(commentId: string, userId: string): Promise<void>;
  /** Who wrote a comment posted without a name; undefined for any other comment. */
  anonymousAuthor(commentId: string): Promise<string | undefined>;
  /** Ids of the comments `userId` posted without a name (told to that person only). */
  anonymousCommentsOf(userId: string): Promise<string[]>;
  /** Says or takes back `userId`'s "Me too" on a comment; resolves to the comment's count after it. */
  setMeToo(commentId: string, userId: string, on: boolean): Promise<number>;
  /** Ids of the comments `userId` said "Me too" to. */
  meTooOf(userId: string): Promise<string[]>;
  /** Keeps a hidden comment's words until it is shown again. */
  keepHiddenBody(commentId: string, body: string): Promise<void>;
  /** A hidden comment's kept words; undefined when none are kept. */
  hiddenBody(commentId: string): Promise<string | undefined>;
  /** Forgets a comment's kept words (it was shown again: they are back in the document). */
  forgetHiddenBody(commentId: string): Promise<void>;
  /** Forgets everything about comments that are no longer in the document. */
  keepOnly(commentIds: ReadonlySet<string>): Promise<void>;
}
