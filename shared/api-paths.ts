// Every API path in one place, so widget, tests and docs cannot drift from the routes.
const base = (siteId: string) => `/api/v1/sites/${encodeURIComponent(siteId)}`;
const enc = encodeURIComponent;

export const apiPaths = {
  thread: (siteId: string) => `${base(siteId)}/thread`,
  comments: (siteId: string, threadId: string) => `${base(siteId)}/threads/${enc(threadId)}/comments`,
  comment: (siteId: string, commentId: string) => `${base(siteId)}/comments/${enc(commentId)}`,
  conversation: (siteId: string, commentId: string) => `${base(siteId)}/comments/${enc(commentId)}/conversation`,
  like: (siteId: string, commentId: string) => `${base(siteId)}/comments/${enc(commentId)}/like`,
  counts: (siteId: string) => `${base(siteId)}/counts`,
  adminThreads: (siteId: string) => `${base(siteId)}/admin/threads`,
};
