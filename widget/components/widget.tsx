import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { SORTS, type Sort } from '../../shared/schemas/common';
import { translator } from '../../shared/strings';
import type { ApiClient } from '../api/client';
import type { WidgetConfig } from '../config';
import { buildTree, containsId } from '../model/tree';
import { usePermalink, useThread, type ThreadActions } from '../model/use-thread';
import { CommentList } from './comment-list';
import { EditorsPicks } from './editors-picks';
import { Gate } from './gate';
import { useMemberUi } from './member-slot';
import type { LiveBanner } from './live-banner';

export interface WidgetProps {
  client: ApiClient;
  config: WidgetConfig;
  /** Lets mount() reach the actions, e.g. to reload after the host signs a reader in. */
  expose(actions: ThreadActions): void;
  /** Tells mount() the site's theme once known. */
  onTheme(theme: string): void;
}

export function Widget({ client, config, expose, onTheme }: WidgetProps) {
  const clock = config.now ?? Date.now;
  const { state, actions } = useThread(client, config);
  const [now, setNow] = useState(clock);
  const [Live, setLive] = useState<typeof LiveBanner>();
  const { view, phase, error } = state;
  const strings = view?.site.strings;
  const t = useMemo(() => translator(strings), [strings]);
  const tree = useMemo(() => buildTree(state.comments), [state.comments]);
  // A permalinked conversation from pages not loaded yet: above the thread, not after page one.
  const linked = tree.filter((n) => n.comment.id === state.linked);

  useEffect(() => {
    expose(actions);
    const tick = setInterval(() => setNow(clock()), 60_000);
    return () => clearInterval(tick);
  }, [actions]);
  useEffect(() => {
    if (view) onTheme(config.theme ?? view.site.theme);
  }, [view?.site.theme]);
  usePermalink(!!view, client, actions);
  // Focus asked for a comment no longer shown (deleted, with nothing answering it) lands on the heading.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const id = state.focus?.id ?? null;
    if (id && !tree.some((n) => n.comment.id === id || containsId(n, id))) heading.current?.focus();
  }, [state.focus]);
  // New comments are looked for once the thread is on screen, by code the first load goes without.
  useEffect(() => {
    if (view && config.live != 'off') import('./live-banner').then((m) => setLive(() => m.LiveBanner), () => {});
  }, [!!view]);

  const count = view?.thread.commentCount ?? 0;
  const member = useMemberUi(!!view?.viewer.signedIn, client, actions, strings);
  const ctx = { state, actions, now, client, t, member };
  // Retrying cannot fix a site that is not set up for this page.
  const fixable = error?.code != 'site_not_found' && error?.code != 'origin_not_allowed';
  const failed = phase === 'failed' && error;
  return (
    <section aria-label={t('comments')} aria-busy={phase === 'loading' || state.busy}>
      {!view ? (
        <>
          {/* Loading: grey lines where the thread will be, and the words for screen readers only. */}
          <p class={failed ? 'notice' : 'sr'} role="status">
            {failed ? error.said : t('loading')}{' '}
            {failed && fixable && (
              <button type="button" onClick={actions.load}>
                {t('retry')}
              </button>
            )}
          </p>
          {!failed && (
            <div aria-hidden="true">
              <p class="notice" />
              <p class="notice" />
              <p class="notice" />
            </div>
          )}
        </>
      ) : (
        <>
          <header class="head">
            <h2 ref={heading} tabIndex={-1}>
              {count === 1 ? t('count.one') : t('count.other', { n: count })}
            </h2>
            {/* Nothing to order with fewer than two. */}
            {tree.length > 1 && (
            <label>
              {t('sort.label')}{' '}
              <select value={state.sort} disabled={state.busy} onChange={(e) => actions.setSort(e.currentTarget.value as Sort)}>
                {SORTS.map((s) => (
                  <option value={s} key={s}>
                    {t(`sort.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            )}
          </header>
          {member.ui && <style>{member.ui.css}</style>}
          <Gate ctx={ctx} />
          <p class="status error" role="status">
            {error?.said}
          </p>
          <EditorsPicks ctx={ctx} />
          {linked.length > 0 && (
            <div class="linked" role="group" aria-labelledby="linked">
              <h3 id="linked">{t('linked')}</h3>
              <CommentList ctx={ctx} nodes={linked} />
            </div>
          )}
          {Live && <Live ctx={ctx} config={config} />}
          {tree.length > linked.length ? (
            <CommentList ctx={ctx} nodes={linked.length ? tree.filter((n) => n.comment.id !== state.linked) : tree} />
          ) : (
            <p class="quiet">{t(view.viewer.canComment ? 'empty.invite' : 'empty')}</p>
          )}
          {state.nextCursor && (
            <button type="button" class="more" disabled={state.busy} onClick={actions.loadMore}>
              {state.busy ? t('more.loading') : t('more.load')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
