// The storage port for the outbox, webhook endpoints and their deliveries.
import type { EventType } from '../../shared/schemas/events';

export interface WebhookEndpointRecord {
  id: string;
  siteId: string;
  url: string;
  /** whsec_<base64>: the key the requests are signed with. */
  secret: string;
  /** Event types it wants; ['*'] for all. */
  eventTypes: string[];
  enabled: boolean;
  description: string;
  allowPrivateNetwork: boolean;
  createdAt: number;
  updatedAt: number;
}

export type DeliveryStatus = 'pending' | 'sending' | 'delivered' | 'dead';

export interface DeliveryRecord {
  id: string;
  siteId: string;
  eventId: string;
  eventType: EventType;
  endpointId: string;
  status: DeliveryStatus;
  attempts: number;
  nextAt: number;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: number | null;
  createdAt: number;
}

/** A delivery claimed for sending, with what it sends and where. */
export interface ClaimedDelivery extends DeliveryRecord {
  payload: string;
  eventCreatedAt: number;
  endpoint: Pick<WebhookEndpointRecord, 'url' | 'secret' | 'allowPrivateNetwork'>;
}

export interface ClaimRequest {
  now: number;
  /** A claimed delivery not finished by then counts as abandoned and is claimed again. */
  leaseUntil: number;
  limit: number;
  /** At most this many deliveries in flight to one endpoint. */
  perEndpoint: number;
}

export type DeliveryOutcome =
  | { id: string; kind: 'delivered'; status: number; now: number }
  | { id: string; kind: 'retry'; status: number | null; error: string; nextAt: number }
  | { id: string; kind: 'dead'; status: number | null; error: string };

export interface DeliveryFilter {
  status?: DeliveryStatus;
  endpointId?: string;
  /** Older than this delivery (created_at, id), for paging. */
  before?: { createdAt: number; id: string };
  limit: number;
}

export interface EventStore {
  /** Whether a pass would find anything to do: an event to fan out, or a delivery due (a read, no write). */
  hasDispatchWork(now: number): Promise<boolean>;
  /** Turns up to `limit` new events into deliveries, one per enabled endpoint that wants each; returns how many events. */
  fanOutEvents(limit: number): Promise<number>;
  /** Claims deliveries due now (and abandoned ones), oldest first, respecting the per-endpoint cap. */
  claimDeliveries(req: ClaimRequest): Promise<ClaimedDelivery[]>;
  /** Records a claimed delivery's outcome, unless it was claimed again meanwhile (attempts moved on). */
  finishDelivery(outcome: DeliveryOutcome, attempts: number): Promise<void>;
  /**
   * Forgets finished deliveries made before `deliveriesBefore`, and fanned-out events from before
   * `eventsBefore` that no delivery still needs. Returns how many rows went.
   */
  sweepOutbox(eventsBefore: number, deliveriesBefore: number): Promise<number>;
  /** Takes or renews the named lease for `holder`; false when another holder's is still running. */
  takeLease(name: string, holder: string, now: number, until: number): Promise<boolean>;

  listWebhooks(siteId: string): Promise<WebhookEndpointRecord[]>;
  getWebhook(siteId: string, id: string): Promise<WebhookEndpointRecord | null>;
  saveWebhook(endpoint: WebhookEndpointRecord): Promise<void>;
  /** Removes the endpoint and the deliveries not yet made to it. */
  deleteWebhook(siteId: string, id: string): Promise<boolean>;
  listDeliveries(siteId: string, filter: DeliveryFilter): Promise<DeliveryRecord[]>;
  /** Makes a dead (or pending) delivery due now again, with a fresh count of attempts. */
  retryDelivery(siteId: string, id: string, now: number): Promise<DeliveryRecord | null>;
  /** Records an event outside any other change (a test event), fanned out to one endpoint only. */
  recordTestEvent(e: { id: string; siteId: string; endpointId: string; payload: string; now: number }): Promise<void>;
}
