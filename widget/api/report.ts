// Reporting a comment: loaded with the report dialog, so the first load carries neither this
// request nor the moderation schema it uses.
import * as z from 'zod/mini';
import { readerPaths } from '../../shared/api-paths';
import type { ReportBody } from '../../shared/schemas/report';
import type { ApiClient } from './client';

const ReportResponse = z.object({ reported: z.boolean(), alreadyReported: z.boolean() });

export const reportComment = (client: ApiClient, commentId: string, body: ReportBody) =>
  client.call(ReportResponse, 'POST', readerPaths.report(client.site, commentId), undefined, body);
