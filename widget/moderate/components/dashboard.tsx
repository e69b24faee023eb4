import { useCallback, useMemo, useState } from 'preact/hooks';
import type { ModerationClient } from '../api';
import type { ModerateConfig } from '../config';
import { useSession } from '../model/use-session';
import { createUndoStack } from '../model/undo-stack';
import { createBulkProgress } from '../model/bulk-progress';
import type { ModeratorSession } from '../../../shared/schemas/moderation-api';
import { useLazyPages } from './lazy-pages';
import { QueuePage } from './queue-page';
import { SignInForm } from './sign-in-form';

type Tab = 'queues' | 'threads' | 'rules' | 'site' | 'webhooks' | 'audit' | 'stats';
const TABS: { id: Tab; label: string }[] = [
  { id: 'queues', label: 'Queues' },
  { id: 'threads', label: 'Threads' },
  { id: 'rules', label: 'Rules' },
  { id: 'site', label: 'Site' },
  { id: 'webhooks', label: 'Webhooks' },
  { id: 'audit', label: 'Audit' },
  { id: 'stats', label: 'Stats' },
];

export interface DashboardProps {
  config: ModerateConfig;
  doc: Document;
}

export function Dashboard({ config, doc }: DashboardProps) {
  const [session, sessionActions] = useSession(config);
  if (session.phase === 'ready') {
    return (
      <Signed client={session.client} session={session.session} config={config} doc={doc} onSignOut={sessionActions.signOut} onKeyRotated={sessionActions.replaceKey} />
    );
  }
  if (session.phase === 'checking' && !session.viaForm) {
    return (
      <div class="pm">
        <p class="notice" role="status">
          Checking your sign-in…
        </p>
      </div>
    );
  }
  return (
    <div class="pm">
      <SignInForm
        site={config.site}
        busy={session.phase === 'checking'}
        error={session.phase === 'signed-out' ? session.error : null}
        onSubmit={(s) => void sessionActions.signIn(s)}
      />
    </div>
  );
}

interface SignedProps {
  client: ModerationClient;
  session: ModeratorSession;
  config: ModerateConfig;
  doc: Document;
  onSignOut(): void;
  onKeyRotated(apiKey: string): void;
}

function Signed({ client, session, config, doc, onSignOut, onKeyRotated }: SignedProps) {
  const [tab, setTab] = useState<Tab>('queues');
  // A counter keeps the live region re-announcing when the same sentence repeats.
  const [notice, setNotice] = useState({ text: '', tone: 'ok', n: 0 });
  const announce = useCallback((text: string, tone: 'ok' | 'error' = 'ok') => setNotice((p) => ({ text, tone, n: p.n + 1 })), []);
  // What u undoes: this dashboard's own actions, kept across tabs, gone when it is closed.
  // Operations by filter are followed here too, so one goes on while the moderator looks at another tab.
  const progress = useMemo(() => createBulkProgress(client.runBulk), [client]);
  const undo = useMemo(
    () => createUndoStack((id, action) => (action.targetType === 'bulk' ? progress.follow(client.undoBulk(action.targetId)) : client.undo(id))),
    [client, progress],
  );
  const now = (config.now ?? Date.now)();
  // Only the queues come with moderate.js; every other tab is fetched when first opened.
  const { pages, failed, retry } = useLazyPages(tab);
  const { threads: ThreadsPage, rules: RulesPage, site: SitePage, webhooks: WebhooksPage, audit: AuditPage, stats: StatsPage } = pages;
  const canEdit = session.canEditRules !== false;
  return (
    <div class="pm">
      <header class="top">
        <strong class="brand">Parley</strong>
        <span class="site">{session.siteName}</span>
        <nav class="tabs" aria-label="Dashboard">
          {TABS.map((t) => (
            <button type="button" key={t.id} aria-current={tab === t.id ? 'page' : undefined} onClick={() => setTab(t.id)}>
              {t.label}
            </button>
          ))}
        </nav>
        <span class="who">
          {session.name}
          {session.via === 'api-key' && ' (API key)'}
        </span>
        {!config.getToken && (
          <button type="button" class="link" onClick={onSignOut}>
            Sign out
          </button>
        )}
      </header>
      <p class={`live ${notice.tone}`} role="status" aria-live="polite">
        {notice.text}
        {/* An invisible change, so a repeated sentence is announced again. */}
        {notice.text && notice.n % 2 ? '\u200b' : ''}
      </p>
      {tab === 'queues' && <QueuePage client={client} undo={undo} progress={progress} announce={announce} now={now} doc={doc} pollMs={config.pollMs} />}
      {tab === 'threads' && ThreadsPage && <ThreadsPage client={client} undo={undo} announce={announce} now={now} />}
      {tab === 'rules' && RulesPage && <RulesPage client={client} announce={announce} canEdit={canEdit} tryDelayMs={config.tryDelayMs} />}
      {tab === 'site' && SitePage && <SitePage client={client} announce={announce} canEdit={canEdit} onKeyRotated={onKeyRotated} />}
      {tab === 'webhooks' && WebhooksPage && <WebhooksPage client={client} announce={announce} canEdit={canEdit} now={now} pollMs={config.webhookPollMs} />}
      {tab === 'audit' && AuditPage && <AuditPage client={client} now={now} />}
      {tab === 'stats' && StatsPage && <StatsPage client={client} now={now} />}
      {tab !== 'queues' && !pages[tab] && <TabLoading failed={failed} onRetry={retry} />}
    </div>
  );
}

interface TabLoadingProps {
  failed: boolean;
  onRetry(): void;
}

/** Stands in for a tab while its chunk is fetched, or says it could not be. */
function TabLoading({ failed, onRetry }: TabLoadingProps) {
  if (!failed) {
    return (
      <p class="notice" role="status">
        Loading…
      </p>
    );
  }
  return (
    <p class="notice error" role="alert">
      This tab could not be loaded. Check the connection and try again.{' '}
      <button type="button" class="btn" onClick={onRetry}>
        Retry
      </button>
    </p>
  );
}
