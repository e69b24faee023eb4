// The path parameters of the API's routes: what the routes validate, and what the OpenAPI
// document lists. The site comes first in every path; its id is checked by finding the site.
import * as z from 'zod/mini';
import { Id } from './common';

const siteId = z.string();

export const SiteParam = z.object({ siteId });
export const ThreadParam = z.object({ siteId, threadId: Id });
export const CommentParam = z.object({ siteId, commentId: Id });
export const UserParam = z.object({ siteId, userId: Id });
export const ActionParam = z.object({ siteId, actionId: Id });
export const OperationParam = z.object({ siteId, operationId: Id });
export const EndpointParam = z.object({ siteId, endpointId: Id });
/** Delivery ids are an event's id and an endpoint's, joined: wider than an Id. */
export const DeliveryParam = z.object({ siteId, deliveryId: z.string().check(z.regex(/^[A-Za-z0-9_.:-]{1,200}$/, 'must be a delivery id')) });
