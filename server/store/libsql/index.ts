// The libSQL implementation of the storage port. Works with any @libsql/client Client:
// an embedded file, :memory:, a remote sqld over HTTP, or an embedded replica.
import type { Client } from '@libsql/client';
import type { Store } from '../port';
import { createDb, type Db, type DbOptions } from './db';
import * as idempotency from './idempotency';
import * as sites from './sites';
import * as threads from './threads';
import * as users from './users';
import * as comments from './comments';
import * as reactions from './reactions';
import * as facts from './facts';
import * as reports from './reports';
import * as queue from './queue';
import * as conversations from './conversations';
import * as actions from './actions';
import * as stats from './stats';
import * as civilityModels from './civility-models';
import * as rateLimits from './rate-limits';
import * as bulk from './bulk';
import * as outbox from './outbox';
import * as mail from './mail';
import * as memberData from './member-data';
import * as cta from './cta';
import * as imports from './imports';
import * as claims from './claims';
import * as exports from './export';

export { applyMigrations, type Migration } from './migrate';
export { StoreUnavailableError, type DbOptions } from './db';
export { IdempotencyKeyTakenError } from './idempotency';

export function createLibsqlStore(client: Client, options: DbOptions = {}): Store {
  return storeOn(createDb(client, options));
}

/**
 * The store over `db`. `plain` takes the writes that never claim an idempotency key: refreshing a
 * member from their token (the same upsert whoever repeats it) and the nudge bookkeeping that
 * precedes a post, so the key rides on the change the request is about.
 */
function storeOn(db: Db, plain: Db = db): Store {
  return {
    // Counting is bookkeeping: it never claims a write's idempotency key.
    countHit: (hit) => rateLimits.countHit(plain, hit),
    peekHits: (hit) => rateLimits.peekHits(plain, hit),
    countCtaEvent: (e) => cta.countCtaEvent(plain, e),
    ctaTotals: (siteId, sinceDay) => cta.ctaTotals(db, siteId, sinceDay),
    getSite: (id) => sites.getSite(db, id),
    saveSite: (site, now) => sites.saveSite(db, site, now),
    getThread: (siteId, id) => threads.getThread(db, siteId, id),
    findThreadByPageKey: (siteId, key) => threads.findThreadByPageKey(db, siteId, key),
    createThread: (req) => threads.createThread(db, req),
    updateThread: (req) => threads.updateThread(db, req),
    countComments: (siteId, keys) => threads.countComments(db, siteId, keys),
    upsertUser: (req) => users.upsertUser(plain, req),
    getUser: (siteId, id) => users.getUser(db, siteId, id),
    findUserByExternalId: (siteId, externalId) => users.findUserByExternalId(db, siteId, externalId),
    getComment: (siteId, id) => comments.getComment(db, siteId, id),
    listTopLevel: (req) => comments.listTopLevel(db, req),
    listReplies: (threadId, rootIds) => comments.listReplies(db, threadId, rootIds),
    listPendingByAuthor: (threadId, authorId) => comments.listPendingByAuthor(db, threadId, authorId),
    recentCommenters: (threadId, exceptUserId, parentId) => comments.recentCommenters(db, threadId, exceptUserId, parentId),
    likedBy: (userId, ids) => reactions.likedBy(db, userId, ids),
    insertComment: (req) => comments.insertComment(db, req),
    editComment: (req) => comments.editComment(db, req),
    deleteComment: (req) => comments.deleteComment(db, req),
    setLike: (req) => reactions.setLike(db, req),
    listFeatured: (threadId) => comments.listFeatured(db, threadId),

    authorHistory: (siteId, userId, since) => facts.authorHistory(db, siteId, userId, since),
    memberRecord: (siteId, userId, limit) => facts.memberRecord(db, siteId, userId, limit),
    countRecentByIp: (siteId, ipHash, since) => facts.countRecentByIp(db, siteId, ipHash, since),
    recordNudge: (e) => facts.recordNudge(e.kind === 'shown' ? db : plain, e),
    nudgeCounts: (siteId, since) => facts.nudgeCounts(db, siteId, since),
    addReport: (req) => reports.addReport(db, req),
    reporterRecords: (siteId, userIds) => reports.reporterRecords(db, siteId, userIds),
    listQueue: (req) => queue.listQueue(db, req),
    listThreads: (siteId, before, limit) => queue.listThreads(db, siteId, before, limit),
    commentsByIds: (siteId, ids) => conversations.commentsByIds(db, siteId, ids),
    conversationSizes: (siteId, rootIds) => conversations.conversationSizes(db, siteId, rootIds),
    listConversation: (siteId, rootId, limit) => conversations.listConversation(db, siteId, rootId, limit),
    queueCounts: (siteId, threshold, threadId) => queue.queueCounts(db, siteId, threshold, threadId),
    countNewer: (match, since) => queue.countNewer(db, match, since),
    applyAction: (action, change, undoes) => actions.applyAction(db, action, change, undoes),
    getAction: (siteId, id) => actions.getAction(db, siteId, id),
    hasLaterAction: (action) => actions.hasLaterAction(db, action),
    listActions: (siteId, filter) => actions.listActions(db, siteId, filter),
    ruleHits: (siteId, since) => stats.ruleHits(db, siteId, since),
    dailyStats: (siteId, since) => stats.dailyStats(db, siteId, since),
    articleStats: (siteId, since, limit) => stats.articleStats(db, siteId, since, limit),
    decisionWaits: (siteId, since) => stats.decisionWaits(db, siteId, since),
    pendingNow: (siteId) => stats.pendingNow(db, siteId),
    ruleDecisions: (siteId, since) => stats.ruleDecisions(db, siteId, since),
    saveCivilityModel: (m) => civilityModels.saveCivilityModel(db, m),
    getCivilityModel: (siteId, id) => civilityModels.getCivilityModel(db, siteId, id),
    listCivilityModels: (siteId, limit) => civilityModels.listCivilityModels(db, siteId, limit),
    listModeratorDecisions: (siteId, limit) => civilityModels.listModeratorDecisions(db, siteId, limit),

    countMatching: (match) => queue.countMatching(db, match),
    createBulkOperation: (op, source) => bulk.createBulkOperation(db, op, source),
    getBulkOperation: (siteId, id) => bulk.getBulkOperation(db, siteId, id),
    listBulkOperations: (siteId, filter) => bulk.listBulkOperations(db, siteId, filter),
    nextBulkItems: (op, limit, match) => bulk.nextBulkItems(db, op, limit, match),
    applyBulkBatch: (op, entries, now) => bulk.applyBulkBatch(db, op, entries, now),
    finishBulkOperation: (op, audit, undoes) => bulk.finishBulkOperation(db, op, audit, undoes),

    hasDispatchWork: (now) => outbox.hasDispatchWork(db, now),
    fanOutEvents: (limit) => outbox.fanOutEvents(db, limit),
    claimDeliveries: (req) => outbox.claimDeliveries(db, req),
    finishDelivery: (outcome, attempts) => outbox.finishDelivery(db, outcome, attempts),
    sweepOutbox: (eventsBefore, deliveriesBefore) => outbox.sweepOutbox(db, eventsBefore, deliveriesBefore),
    takeLease: (name, holder, now, until) => outbox.takeLease(db, name, holder, now, until),
    listWebhooks: (siteId) => outbox.listWebhooks(db, siteId),
    getWebhook: (siteId, id) => outbox.getWebhook(db, siteId, id),
    saveWebhook: (w) => outbox.saveWebhook(db, w),
    deleteWebhook: (siteId, id) => outbox.deleteWebhook(db, siteId, id),
    listDeliveries: (siteId, filter) => outbox.listDeliveries(db, siteId, filter),
    retryDelivery: (siteId, id, now) => outbox.retryDelivery(db, siteId, id, now),
    recordTestEvent: (e) => outbox.recordTestEvent(db, e),

    getMailPreferences: (siteId, userId, threadId) => mail.getMailPreferences(db, siteId, userId, threadId),
    saveMailPreferences: (change) => mail.saveMailPreferences(db, change),
    unsubscribe: (siteId, userId, list, threadId) => mail.unsubscribe(db, siteId, userId, list, threadId),
    suppressAddress: (siteId, address, now) => mail.suppressAddress(db, siteId, address, now),
    suppressedAddresses: (siteId) => mail.suppressedAddresses(db, siteId),
    waitingNotices: (limit) => mail.waitingNotices(db, limit),
    lastRepliesMessageAt: (userId, threadId) => mail.lastRepliesMessageAt(db, userId, threadId),
    composeMessage: (message, noticeIds) => mail.composeMessage(db, message, noticeIds),
    dropNotices: (ids) => mail.dropNotices(db, ids),
    queueMessage: (message) => mail.queueMessage(db, message),
    hasMailWork: (now) => mail.hasMailWork(db, now),
    claimMail: (now, leaseUntil, limit) => mail.claimMail(db, now, leaseUntil, limit),
    finishMail: (outcome, attempts) => mail.finishMail(db, outcome, attempts),
    listMail: (siteId, limit) => mail.listMail(db, siteId, limit),
    sitesMailingModerators: () => mail.sitesMailingModerators(db),
    queueHealth: (siteId) => mail.queueHealth(db, siteId),
    moderationSince: (siteId, since) => mail.moderationSince(db, siteId, since),
    alertState: (siteId, kind) => mail.alertState(db, siteId, kind),
    setAlertState: (siteId, kind, state) => mail.setAlertState(db, siteId, kind, state),
    instanceSecret: (name, fresh) => mail.instanceSecret(db, name, fresh),

    memberData: (siteId, userId) => memberData.memberData(db, siteId, userId),
    eraseMember: (req) => memberData.eraseMember(db, req),

    importedThreads: (siteId, source, ids) => imports.importedThreads(db, siteId, source, ids),
    importedComments: (siteId, source, ids) => imports.importedComments(db, siteId, source, ids),
    usersByExternalIds: (siteId, externalIds) => imports.usersByExternalIds(db, siteId, externalIds),
    writeImportChunk: (chunk) => imports.writeImportChunk(db, chunk),
    stagedThreads: (runId, ids) => imports.stagedThreads(db, runId, ids),
    stagedComments: (runId, siteId, source, selection, limit) => imports.stagedComments(db, runId, siteId, source, selection, limit),
    countStagedThreads: (runId) => imports.countStagedThreads(db, runId),
    clearImportStaging: (siteId) => imports.clearImportStaging(db, siteId),
    unclaimedImportedUsers: (siteId, externalIds) => claims.unclaimedImportedUsers(db, siteId, externalIds),
    claimImportedUsers: (siteId, memberId, ids, now) => claims.claimImportedUsers(db, siteId, memberId, ids, now),

    exportPage: (siteId, type, after, limit) => exports.exportPage(db, siteId, type, after, limit),
    restoreRows: (siteId, type, rows) => exports.restoreRows(db, siteId, type, rows),
    siteIsEmpty: (siteId) => exports.siteIsEmpty(db, siteId),
    existingCommentIds: (siteId, ids) => exports.existingCommentIds(db, siteId, ids),

    findIdempotencyRecord: (siteId, sender, key, now) => idempotency.findIdempotencyRecord(db, siteId, sender, key, now),
    claimingStore(claim) {
      const claiming = idempotency.claimingDb(plain, claim);
      return { store: storeOn(claiming, plain), claimed: claiming.claimed };
    },
    saveIdempotencyOutcome: (claim, status, body) => idempotency.saveIdempotencyOutcome(plain, claim, status, body),
  };
}
