// The schemas the OpenAPI document names in components.schemas, by the names the shared schemas
// export them under. Request bodies are described as clients send them (defaults optional),
// answers as the server sends them (defaults filled in), so the two are kept apart.
import type * as z from 'zod/mini';
import { ErrorBody, HealthResponse } from '../../shared/schemas/common';
import { CommentPage, CommentView, ConversationResponse } from '../../shared/schemas/comment';
import { CountsResponse, ThreadInfo, ThreadResponse, ThreadView, UpsertThreadBody } from '../../shared/schemas/thread';
import { CommentResponse, CreateCommentBody, EditCommentBody, LikeResponse, NudgeResponse, PreviewBody, PreviewResponse } from '../../shared/schemas/comment-writes';
import { ReportBody, ReportResponse } from '../../shared/schemas/report';
import { CtaEventBody } from '../../shared/schemas/cta-events';
import { MailPreferencesBody, MailPreferencesView } from '../../shared/schemas/mail';
import { ErasureResponse, MemberDataResponse } from '../../shared/schemas/member-data';
import { EditableSite } from '../../shared/schemas/site';
import { ModerationSettingsSave, Reason } from '../../shared/schemas/moderation-settings';
import * as moderation from '../../shared/schemas/moderation-api';
import * as webhooks from '../../shared/schemas/webhooks';
import { OpenApiDocument } from './operations/service';

/** What clients send. */
export const REQUEST_SCHEMAS: Record<string, z.ZodMiniType> = {
  CreateCommentBody,
  EditCommentBody,
  PreviewBody,
  ReportBody,
  CtaEventBody,
  MailPreferencesBody,
  UpsertThreadBody,
  EditableSite,
  ModerationSettingsSave,
  ModerationSettingsBody: moderation.ModerationSettingsBody,
  CommentActionBody: moderation.CommentActionBody,
  BulkCommentActionBody: moderation.BulkCommentActionBody,
  BulkOperationBody: moderation.BulkOperationBody,
  UserActionBody: moderation.UserActionBody,
  ThreadActionBody: moderation.ThreadActionBody,
  TryCommentBody: moderation.TryCommentBody,
  ActivateModelBody: moderation.ActivateModelBody,
  CreateWebhookBody: webhooks.CreateWebhookBody,
  UpdateWebhookBody: webhooks.UpdateWebhookBody,
};

/** What the server answers, and the parts of it that recur (named so each is described once). */
export const RESPONSE_SCHEMAS: Record<string, z.ZodMiniType> = {
  ErrorBody,
  HealthResponse,
  OpenApiDocument,
  CommentView,
  ThreadInfo,
  Reason,
  ThreadView,
  CommentPage,
  ConversationResponse,
  CountsResponse,
  CommentResponse,
  NudgeResponse,
  LikeResponse,
  PreviewResponse,
  ReportResponse,
  MailPreferencesView,
  ThreadResponse,
  MemberDataResponse,
  ErasureResponse,
  QueueItemView: moderation.QueueItemView,
  ActionSummary: moderation.ActionSummary,
  AuditEntry: moderation.AuditEntry,
  ModeratedThread: moderation.ModeratedThread,
  QueueCounts: moderation.QueueCounts,
  BulkOperationView: moderation.BulkOperationView,
  CivilityModelInfo: moderation.CivilityModelInfo,
  ModeratorSession: moderation.ModeratorSession,
  QueueResponse: moderation.QueueResponse,
  QueueNewerResponse: moderation.QueueNewerResponse,
  ModeratorConversation: moderation.ModeratorConversation,
  CommentActionResponse: moderation.CommentActionResponse,
  BulkCommentActionResponse: moderation.BulkCommentActionResponse,
  BulkOperationList: moderation.BulkOperationList,
  BulkOperationResponse: moderation.BulkOperationResponse,
  UserHistory: moderation.UserHistory,
  UserActionResponse: moderation.UserActionResponse,
  ThreadsResponse: moderation.ThreadsResponse,
  ThreadReviewResponse: moderation.ThreadReviewResponse,
  ThreadActionResponse: moderation.ThreadActionResponse,
  UndoResponse: moderation.UndoResponse,
  AuditPage: moderation.AuditPage,
  ModerationSettingsResponse: moderation.ModerationSettingsResponse,
  TryCommentResponse: moderation.TryCommentResponse,
  StatsResponse: moderation.StatsResponse,
  CivilityModelResponse: moderation.CivilityModelResponse,
  CivilityModelActivated: moderation.CivilityModelActivated,
  SiteEditResponse: moderation.SiteEditResponse,
  ApiKeyRotated: moderation.ApiKeyRotated,
  WebhookView: webhooks.WebhookView,
  DeliveryView: webhooks.DeliveryView,
  WebhookListResponse: webhooks.WebhookListResponse,
  WebhookResponse: webhooks.WebhookResponse,
  WebhookDeleted: webhooks.WebhookDeleted,
  TestEventSent: webhooks.TestEventSent,
  DeliveriesResponse: webhooks.DeliveriesResponse,
  DeliveryResponse: webhooks.DeliveryResponse,
};
