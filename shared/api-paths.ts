// Every API path in one place, so widget, tests and docs cannot drift from the routes.
const base = (siteId: string) => `/api/v1/sites/${encodeURIComponent(siteId)}`;
const enc = encodeURIComponent;

const thread = (siteId: string) => `${base(siteId)}/thread`;
const comments = (siteId: string, threadId: string) => `${base(siteId)}/threads/${enc(threadId)}/comments`;
const comment = (siteId: string, commentId: string) => `${base(siteId)}/comments/${enc(commentId)}`;
const conversation = (siteId: string, commentId: string) => `${base(siteId)}/comments/${enc(commentId)}/conversation`;
const like = (siteId: string, commentId: string) => `${base(siteId)}/comments/${enc(commentId)}/like`;
const report = (siteId: string, commentId: string) => `${base(siteId)}/comments/${enc(commentId)}/report`;
const preview = (siteId: string) => `${base(siteId)}/preview`;

/**
 * The paths the reader app calls. Importing these alone keeps the moderator and site API paths
 * out of its bundle: a bundler keeps an object literal whole or not at all.
 */
export const readerPaths = { thread, comments, comment, conversation, like, report, preview };

const mailPreferences = (siteId: string) => `${base(siteId)}/me/mail`;
const follow = (siteId: string, threadId: string) => `${base(siteId)}/threads/${enc(threadId)}/follow`;
/** A member's e-mail preferences (GET, PUT) and following one thread (PUT, DELETE): for the widget's notifications chunk. */
export const notifyPaths = { mailPreferences, follow };

/** The one path the reader's loader (embed.js) asks for itself: the thread it starts loading early. */
export { thread as threadPath };

const ctaEvents = (siteId: string) => `${base(siteId)}/cta-events`;
/**
 * Where the widget reports its calls to action, shown and clicked (from a chunk of its own). Apart
 * from apiPaths, which count.js keeps whole, so the listing pages' script does not carry it.
 */
export { ctaEvents as ctaEventsPath };

export const apiPaths = {
  thread,
  comments,
  comment,
  conversation,
  like,
  counts: (siteId: string) => `${base(siteId)}/counts`,
  adminThreads: (siteId: string) => `${base(siteId)}/admin/threads`,
  /** A member's data (GET) and erasing them (DELETE), by their id in the publisher's system. */
  memberData: (siteId: string, sub: string) => `${base(siteId)}/admin/members/${enc(sub)}/data`,
  member: (siteId: string, sub: string) => `${base(siteId)}/admin/members/${enc(sub)}`,
  report,
  preview,
  mailPreferences,
  follow,
  unsubscribe: (siteId: string) => `${base(siteId)}/mail/unsubscribe`,
  moderation: {
    session: (siteId: string) => `${base(siteId)}/moderation/session`,
    queue: (siteId: string) => `${base(siteId)}/moderation/queue`,
    queueNewer: (siteId: string) => `${base(siteId)}/moderation/queue/newer`,
    counts: (siteId: string) => `${base(siteId)}/moderation/counts`,
    comment: (siteId: string, commentId: string) => `${base(siteId)}/moderation/comments/${enc(commentId)}`,
    conversation: (siteId: string, commentId: string) => `${base(siteId)}/moderation/comments/${enc(commentId)}/conversation`,
    bulk: (siteId: string) => `${base(siteId)}/moderation/comments`,
    /** Operations by filter: POST starts one, GET lists the unfinished ones. */
    bulkOperations: (siteId: string) => `${base(siteId)}/moderation/bulk`,
    bulkOperation: (siteId: string, operationId: string) => `${base(siteId)}/moderation/bulk/${enc(operationId)}`,
    bulkRun: (siteId: string, operationId: string) => `${base(siteId)}/moderation/bulk/${enc(operationId)}/run`,
    bulkUndo: (siteId: string, operationId: string) => `${base(siteId)}/moderation/bulk/${enc(operationId)}/undo`,
    user: (siteId: string, userId: string) => `${base(siteId)}/moderation/users/${enc(userId)}`,
    threads: (siteId: string) => `${base(siteId)}/moderation/threads`,
    thread: (siteId: string, threadId: string) => `${base(siteId)}/moderation/threads/${enc(threadId)}`,
    undo: (siteId: string, actionId: string) => `${base(siteId)}/moderation/actions/${enc(actionId)}/undo`,
    audit: (siteId: string) => `${base(siteId)}/moderation/audit`,
    settings: (siteId: string) => `${base(siteId)}/moderation/settings`,
    tryComment: (siteId: string) => `${base(siteId)}/moderation/try`,
    stats: (siteId: string) => `${base(siteId)}/moderation/stats`,
    model: (siteId: string) => `${base(siteId)}/moderation/model`,
    /** The site's own configuration (the Site tab), and its API key's rotation. */
    site: (siteId: string) => `${base(siteId)}/moderation/site`,
    siteApiKey: (siteId: string) => `${base(siteId)}/moderation/site/api-key`,
    webhooks: (siteId: string) => `${base(siteId)}/moderation/webhooks`,
    webhook: (siteId: string, endpointId: string) => `${base(siteId)}/moderation/webhooks/${enc(endpointId)}`,
    webhookTest: (siteId: string, endpointId: string) => `${base(siteId)}/moderation/webhooks/${enc(endpointId)}/test`,
    deliveries: (siteId: string) => `${base(siteId)}/moderation/deliveries`,
    deliveryRetry: (siteId: string, deliveryId: string) => `${base(siteId)}/moderation/deliveries/${enc(deliveryId)}/retry`,
  },
};
