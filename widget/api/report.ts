// Reporting a comment: loaded with the report dialog, so the first load carries neither this
// request nor the moderation schema it uses.
import { readerPaths } from '../../shared/api-paths';
import { ReportResponse, type ReportBody } from '../../shared/schemas/report';
import type { ApiClient } from './client';

export const reportComment = (client: ApiClient, commentId: string, body: ReportBody) =>
  client.call(ReportResponse, 'POST', readerPaths.report(client.site, commentId), undefined, body);
