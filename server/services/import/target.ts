// Where an import writes: the store, or, for --dry-run, an overlay that reads the store and keeps
// what would have been written in memory (so replies still find the parents a real run would have
// stored). A dry run therefore holds every id of the file in memory: about 100 bytes a comment.
import type { ImportChunk, ImportStore, PlacedComment, StagedRecord, StagedSelection } from '../../store/import-port';
import type { Store } from '../../store/port';

export interface ImportTarget
  extends Pick<ImportStore, 'importedThreads' | 'importedComments' | 'usersByExternalIds' | 'writeImportChunk' | 'stagedThreads' | 'stagedComments' | 'countStagedThreads' | 'clearImportStaging'> {
  threadIdByPageKey(siteId: string, pageKey: string): Promise<string | null>;
}

export function storeTarget(store: Store): ImportTarget {
  return {
    importedThreads: (...a) => store.importedThreads(...a),
    importedComments: (...a) => store.importedComments(...a),
    usersByExternalIds: (...a) => store.usersByExternalIds(...a),
    writeImportChunk: (chunk) => store.writeImportChunk(chunk),
    stagedThreads: (...a) => store.stagedThreads(...a),
    stagedComments: (...a) => store.stagedComments(...a),
    countStagedThreads: (runId) => store.countStagedThreads(runId),
    clearImportStaging: (siteId) => store.clearImportStaging(siteId),
    threadIdByPageKey: async (siteId, pageKey) => (await store.findThreadByPageKey(siteId, pageKey))?.id ?? null,
  };
}

export function dryRunTarget(store: Store): ImportTarget {
  const threads = new Map<string, string>();
  const threadsByPage = new Map<string, string>();
  const comments = new Map<string, PlacedComment>();
  const users = new Map<string, string>();
  const staged = { thread: new Map<string, StagedRecord>(), comment: new Map<string, StagedRecord>() };
  const pick = <T>(ids: string[], mine: Map<string, T>, stored: Map<string, T>) => {
    for (const id of ids) if (mine.has(id)) stored.set(id, mine.get(id)!);
    return stored;
  };
  const isStored = (sourceId: string | null) => sourceId !== null && comments.has(sourceId);
  return {
    importedThreads: async (siteId, source, ids) => pick(ids, threads, await store.importedThreads(siteId, source, ids)),
    importedComments: async (siteId, source, ids) => pick(ids, comments, await store.importedComments(siteId, source, ids)),
    usersByExternalIds: async (siteId, ids) => pick(ids, users, await store.usersByExternalIds(siteId, ids)),
    threadIdByPageKey: async (siteId, pageKey) => threadsByPage.get(pageKey) ?? (await store.findThreadByPageKey(siteId, pageKey))?.id ?? null,
    async writeImportChunk(chunk: ImportChunk) {
      for (const t of chunk.threads) threadsByPage.set(t.pageKey, t.id);
      for (const u of chunk.users) users.set(u.externalId, u.id);
      const byId = new Map(chunk.comments.map((c) => [c.id, c]));
      for (const m of chunk.mappings) {
        if (m.kind === 'thread') threads.set(m.sourceId, m.parleyId);
        const c = byId.get(m.parleyId);
        if (m.kind === 'comment' && c) comments.set(m.sourceId, { id: c.id, threadId: c.threadId, rootId: c.rootId, depth: c.depth });
      }
      for (const s of chunk.unstage) staged[s.kind].delete(s.sourceId);
      for (const s of chunk.stage) if (!staged[s.kind].has(s.sourceId)) staged[s.kind].set(s.sourceId, s);
    },
    stagedThreads: async (_runId, ids) => new Map(ids.filter((id) => staged.thread.has(id)).map((id) => [id, staged.thread.get(id)!.record])),
    async stagedComments(_runId, _siteId, _source, selection: StagedSelection, limit) {
      const all = [...staged.comment.values()];
      const chosen =
        selection === 'ready' ? all.filter((s) => s.parentSourceId === null || isStored(s.parentSourceId))
        : selection === 'orphans' ? all.filter((s) => s.parentSourceId !== null && !isStored(s.parentSourceId) && !staged.comment.has(s.parentSourceId))
        : all;
      return chosen.slice(0, limit);
    },
    countStagedThreads: async () => staged.thread.size,
    clearImportStaging: async () => {},
  };
}
