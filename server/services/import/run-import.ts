// Importing a site's comments from another system: the reader's records go in, in file order, and
// are written in chunks of CHUNK_SIZE, each one transaction (a crash leaves whole chunks; the next
// run skips what they hold, by source id).
//
// Replies can come before their parent, and Disqus posts can in principle come before their
// thread. Rather than read a 1 GB file twice, or keep every id in memory, what cannot be placed
// yet waits in a staging table of the run (import_staging), in the same transaction as the chunk
// it came with: memory stays one chunk plus small caches, and the file is read once. Disqus
// threads wait there too until their first comment, so articles nobody commented on make no
// thread. Once the file is read, staged replies whose parent is now stored go in, round after
// round; replies whose parent never came (or was skipped) go in at the top level; what is left
// can only be a cycle of parents, and is skipped.
import type { CommentRecord, CreateThreadRequest, SiteRecord } from '../../store/port';
import type { ImportChunk, ImportedUser, PlacedComment, StagedSelection } from '../../store/import-port';
import type { Reason } from '../../../shared/schemas/moderation-settings';
import type { ServiceDeps } from '../deps';
import { renderMarkdown } from '../comments/render-markdown';
import { sectionForUrl } from '../entitlements/section-for-url';
import { isUnderAllowedOrigin, pageKeyFor } from '../threads/page-key';
import { importedExternalId } from './author-key';
import { htmlToMarkdown } from './html-to-markdown';
import type { ImportSource, SourceComment, SourceRecord, SourceThread } from './records';
import { addError, emptySummary, type ImportSummary, type SkipReason } from './summary';
import type { ImportTarget } from './target';
import { importedThreadUrl, type DomainMap } from './thread-url';

export const CHUNK_SIZE = 500;

/** An import needs only the clock and ids of the service deps. */
export type ImportDeps = Pick<ServiceDeps, 'now' | 'newId'>;
/** Thread ids remembered between chunks, so a long run of one article's comments reads none. */
const THREAD_CACHE = 10_000;

export interface ImportOptions {
  site: SiteRecord;
  source: ImportSource;
  target: ImportTarget;
  domains?: DomainMap;
  skipDeleted?: boolean;
  skipSpam?: boolean;
  dryRun?: boolean;
  chunkSize?: number;
  /** Called after every chunk with the summary so far. */
  onProgress?: (summary: ImportSummary) => void;
}

/** How a batch of comments is placed: while reading (what cannot be placed yet is staged), or after. */
type Pass = 'stream' | 'drain' | 'orphans';

export async function runImport(deps: ImportDeps, records: AsyncIterable<SourceRecord>, options: ImportOptions): Promise<ImportSummary> {
  const run = new ImportRun(deps, options);
  return run.run(records);
}

class ImportRun {
  private summary: ImportSummary;
  private runId: string;
  private chunkSize: number;
  private threadIds = new Map<string, string>();
  /** Source threads refused (URL not under allowedOrigins): few, and kept so their comments say why. */
  private refused = new Set<string>();
  private site: SiteRecord;
  private target: ImportTarget;

  constructor(
    private deps: ImportDeps,
    private options: ImportOptions,
  ) {
    this.summary = emptySummary(options.source, options.dryRun ?? false);
    this.runId = deps.newId();
    this.chunkSize = options.chunkSize ?? CHUNK_SIZE;
    this.site = options.site;
    this.target = options.target;
  }

  async run(records: AsyncIterable<SourceRecord>): Promise<ImportSummary> {
    await this.target.clearImportStaging(this.site.id);
    try {
      const threads: SourceThread[] = [];
      const comments: SourceComment[] = [];
      for await (const record of records) {
        if (record.type === 'problem') addError(this.summary, record.line, record.message);
        else if (record.type === 'thread') {
          threads.push(record);
          if (threads.length >= this.chunkSize) await this.stageThreads(threads.splice(0));
        } else {
          comments.push(record);
          if (comments.length >= this.chunkSize) {
            await this.stageThreads(threads.splice(0));
            await this.place(comments.splice(0), 'stream');
          }
        }
      }
      await this.stageThreads(threads.splice(0));
      await this.place(comments.splice(0), 'stream');
      await this.drain();
      this.summary.threadsWithoutComments = Math.max(0, (await this.target.countStagedThreads(this.runId)) - this.refused.size);
      this.summary.threadsRefused = this.refused.size;
      return this.summary;
    } finally {
      await this.target.clearImportStaging(this.site.id);
    }
  }

  private chunk(): ImportChunk {
    return { siteId: this.site.id, source: this.options.source, runId: this.runId, now: this.deps.now(), threads: [], users: [], comments: [], mappings: [], counts: [], stage: [], unstage: [] };
  }

  private async stageThreads(threads: SourceThread[]): Promise<void> {
    if (!threads.length) return;
    // Threads an earlier run made are found by their mapping; only the others wait for a first comment.
    const mapped = await this.target.importedThreads(this.site.id, this.options.source, threads.map((t) => t.sourceId));
    const chunk = this.chunk();
    chunk.stage = threads.filter((t) => !mapped.has(t.sourceId)).map((t) => ({ kind: 'thread', sourceId: t.sourceId, parentSourceId: null, record: t }));
    await this.target.writeImportChunk(chunk);
  }

  /** Staged replies go in once their parents are stored; then the orphans, at the top level; then the rest is a cycle. */
  private async drain(): Promise<void> {
    const take = (selection: StagedSelection) => this.target.stagedComments(this.runId, this.site.id, this.options.source, selection, this.chunkSize);
    for (;;) {
      let batch = await take('ready');
      if (batch.length) {
        await this.place(batch.map((s) => s.record as SourceComment), 'drain');
        continue;
      }
      batch = await take('orphans');
      if (batch.length) {
        await this.place(batch.map((s) => s.record as SourceComment), 'orphans');
        continue;
      }
      batch = await take('rest');
      if (!batch.length) return;
      const chunk = this.chunk();
      for (const s of batch) {
        this.skip('reply_cycle');
        chunk.unstage.push({ kind: 'comment', sourceId: s.sourceId });
      }
      await this.target.writeImportChunk(chunk);
    }
  }

  private skip(reason: SkipReason): void {
    this.summary.skipped[reason]++;
  }

  private async place(batch: SourceComment[], pass: Pass): Promise<void> {
    if (!batch.length) return;
    const { site, options, target } = this;
    const chunk = this.chunk();
    if (pass !== 'stream') chunk.unstage = batch.map((c) => ({ kind: 'comment', sourceId: c.sourceId }));

    const stored = await target.importedComments(site.id, options.source, batch.map((c) => c.sourceId));
    const seen = new Set<string>();
    const bodies = new Map<string, string>();
    const wanted = batch.filter((c) => {
      const reason = this.skipReason(c, stored, seen, bodies);
      seen.add(c.sourceId);
      if (reason) this.skip(reason);
      return !reason;
    });

    const threads = await this.resolveThreads(wanted, chunk);
    const placed = new Map<string, PlacedComment>();
    const parentIds = [...new Set(wanted.map((c) => c.parentSourceId).filter((id): id is string => id !== null && !seen.has(id)))];
    for (const [id, p] of await target.importedComments(site.id, options.source, parentIds)) placed.set(id, p);

    // In file order, round after round, so a parent later in the same chunk is placed first.
    let waiting = wanted;
    const ready: { c: SourceComment; threadId: string; parent: PlacedComment | null }[] = [];
    for (let progress = true; waiting.length && progress; ) {
      progress = false;
      const still: SourceComment[] = [];
      for (const c of waiting) {
        const threadId = threads.get(c.threadSourceId);
        if (threadId === undefined) {
          still.push(c);
          continue;
        }
        const parent = c.parentSourceId === null ? null : placed.get(c.parentSourceId);
        if (parent === undefined && pass !== 'orphans') {
          still.push(c);
          continue;
        }
        // A parent in another thread is a broken reference: the reply stands on its own.
        const usable = parent && parent.threadId === threadId ? parent : null;
        if (c.parentSourceId !== null && !usable) this.summary.reparented++;
        const id = this.deps.newId();
        placed.set(c.sourceId, usable ? { id, threadId, rootId: usable.rootId, depth: usable.depth + 1 } : { id, threadId, rootId: id, depth: 0 });
        ready.push({ c, threadId, parent: usable });
        progress = true;
      }
      waiting = still;
    }
    for (const c of waiting) {
      const refused = this.refused.has(c.threadSourceId);
      if (pass === 'stream' && !refused) chunk.stage.push({ kind: 'comment', sourceId: c.sourceId, parentSourceId: c.parentSourceId, record: c });
      else this.skip(refused ? 'origin_not_allowed' : 'unknown_thread');
    }

    const authors = await this.resolveAuthors(ready.map((r) => r.c), chunk);
    const counts = new Map<string, number>();
    for (const { c, threadId, parent } of ready) {
      const at = placed.get(c.sourceId)!;
      const record = this.commentRecord(c, bodies.get(c.sourceId) ?? '', at, threadId, parent, authors.get(c.sourceId)!);
      chunk.comments.push(record);
      chunk.mappings.push({ kind: 'comment', sourceId: c.sourceId, parleyId: record.id });
      if (record.status === 'published' && record.deletedAt === null) counts.set(threadId, (counts.get(threadId) ?? 0) + 1);
    }
    chunk.counts = [...counts].map(([threadId, delta]) => ({ threadId, delta }));
    await target.writeImportChunk(chunk);
    this.summary.imported.comments += chunk.comments.length;
    this.summary.imported.users += chunk.users.length;
    this.summary.imported.threads += chunk.threads.length;
    options.onProgress?.(this.summary);
  }

  /** Why a comment is not imported, or null; the Markdown of those that are goes into `bodies`. */
  private skipReason(c: SourceComment, stored: Map<string, unknown>, seen: Set<string>, bodies: Map<string, string>): SkipReason | null {
    if (stored.has(c.sourceId)) return 'already_imported';
    if (seen.has(c.sourceId)) return 'duplicate';
    if (c.notice) return 'notice';
    if (c.state === 'deleted') return this.options.skipDeleted ? 'deleted' : null;
    if (c.state === 'spam' && this.options.skipSpam) return 'spam';
    const body = htmlToMarkdown(c.html, { newlines: this.options.source === 'wordpress' ? 'text' : 'html' });
    if (!body) return 'empty';
    bodies.set(c.sourceId, body);
    return null;
  }

  /** Thread source id → Parley thread id, making (in this chunk) or reusing the threads first met here. */
  private async resolveThreads(comments: SourceComment[], chunk: ImportChunk): Promise<Map<string, string>> {
    const { site, options, target } = this;
    const resolved = new Map<string, string>();
    const wanted = [...new Set(comments.map((c) => c.threadSourceId))].filter((id) => !this.refused.has(id));
    const unknown = wanted.filter((id) => {
      const known = this.threadIds.get(id);
      if (known) resolved.set(id, known);
      return !known;
    });
    const mapped = await target.importedThreads(site.id, options.source, unknown);
    const staged = await target.stagedThreads(this.runId, unknown.filter((id) => !mapped.has(id)));
    for (const id of unknown) {
      const threadId = mapped.get(id) ?? (staged.has(id) ? await this.openThread(staged.get(id) as SourceThread, chunk) : null);
      if (!threadId) continue;
      resolved.set(id, threadId);
      if (this.threadIds.size >= THREAD_CACHE) this.threadIds.clear();
      this.threadIds.set(id, threadId);
    }
    return resolved;
  }

  /** Reuses the thread Parley already has for the article's canonical URL, else makes one as a first view would. */
  private async openThread(t: SourceThread, chunk: ImportChunk): Promise<string | null> {
    const url = importedThreadUrl(t.url, this.options.domains ?? new Map());
    if (!url || !isUnderAllowedOrigin(url, this.site.allowedOrigins)) {
      this.refused.add(t.sourceId);
      addError(this.summary, t.line, `thread ${t.sourceId}: ${url ?? t.url} is not under the site's allowedOrigins; its comments are skipped`);
      return null;
    }
    const pageKey = pageKeyFor(url);
    const existing = chunk.threads.find((n) => n.pageKey === pageKey)?.id ?? (await this.target.threadIdByPageKey(this.site.id, pageKey));
    const id = existing ?? this.deps.newId();
    if (!existing) {
      const thread: CreateThreadRequest = {
        id, siteId: this.site.id, pageKey, url, title: t.title, section: sectionForUrl(this.site.policy, url), sectionLocked: false, closed: false,
        createdAt: t.createdAt ?? this.deps.now(),
      };
      chunk.threads.push(thread);
    } else if (!chunk.threads.some((n) => n.id === existing)) this.summary.imported.threadsReused++;
    chunk.mappings.push({ kind: 'thread', sourceId: t.sourceId, parleyId: id });
    chunk.unstage.push({ kind: 'thread', sourceId: t.sourceId });
    return id;
  }

  /** Comment source id → author's user id, adding the imported users not stored yet to the chunk. */
  private async resolveAuthors(comments: SourceComment[], chunk: ImportChunk): Promise<Map<string, string>> {
    const keys = new Map<string, string>();
    for (const c of comments) keys.set(c.sourceId, await importedExternalId(this.options.source, c.author));
    const users = await this.target.usersByExternalIds(this.site.id, [...new Set(keys.values())]);
    const byComment = new Map<string, string>();
    for (const c of comments) {
      const externalId = keys.get(c.sourceId)!;
      let id = users.get(externalId);
      if (!id) {
        id = this.deps.newId();
        users.set(externalId, id);
        const user: ImportedUser = { id, externalId, displayName: c.author.name.slice(0, 80), createdAt: c.createdAt };
        chunk.users.push(user);
      }
      byComment.set(c.sourceId, id);
    }
    return byComment;
  }

  private commentRecord(c: SourceComment, body: string, at: PlacedComment, threadId: string, parent: PlacedComment | null, authorId: string): CommentRecord {
    const from = this.options.source === 'disqus' ? 'Disqus' : 'WordPress';
    const deleted = c.state === 'deleted';
    // A deleted comment is a tombstone, as Parley's own are: its text goes, its replies keep their place.
    const bodySrc = deleted ? '' : body;
    const reasons: Reason[] =
      c.state === 'spam' ? [{ ruleId: 'import', message: `Marked as spam in ${from}`, spans: [] }]
      : c.state === 'pending' ? [{ ruleId: 'import', message: `Awaiting review in ${from}`, spans: [] }]
      : [];
    return {
      id: at.id,
      siteId: this.site.id,
      threadId,
      parentId: parent?.id ?? null,
      rootId: at.rootId,
      depth: at.depth,
      authorId,
      bodySrc,
      bodyHtml: deleted ? '' : renderMarkdown(bodySrc),
      status: c.state === 'spam' ? 'rejected' : c.state === 'pending' ? 'pending' : 'published',
      featured: false,
      likeCount: c.likes,
      createdAt: c.createdAt,
      editedAt: null,
      deletedAt: deleted ? c.createdAt : null,
      reasons,
      openReports: 0,
      hiddenByReports: false,
      rejectReason: c.state === 'spam' ? 'spam' : null,
    };
  }
}
