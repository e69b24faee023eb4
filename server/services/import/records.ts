// What the format readers hand the importer: threads and comments as the source describes them,
// in file order, and problems with the line they were found on. No Parley ids here.

export type ImportSource = 'disqus' | 'wordpress';

export interface SourceThread {
  type: 'thread';
  sourceId: string;
  /** The article's URL as the source gave it; mapped and normalised by the importer. */
  url: string;
  title: string;
  createdAt: number | null;
  line: number;
}

/** How the source left a comment: shown, held for review, deleted, or marked as spam. */
export type SourceState = 'published' | 'pending' | 'deleted' | 'spam';

export interface SourceAuthor {
  name: string;
  /** The source's user name, when the author had an account there. */
  username: string | null;
  email: string | null;
}

export interface SourceComment {
  type: 'comment';
  sourceId: string;
  threadSourceId: string;
  parentSourceId: string | null;
  html: string;
  createdAt: number;
  state: SourceState;
  author: SourceAuthor;
  likes: number;
  /** A pingback or trackback: a notice from another site, not a reader's comment. */
  notice: boolean;
  line: number;
}

export interface SourceProblem {
  type: 'problem';
  line: number;
  message: string;
}

export type SourceRecord = SourceThread | SourceComment | SourceProblem;

/** A file that cannot be read as the format at all (wrong root element, not XML): the run stops. */
export class UnreadableExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableExportError';
  }
}
