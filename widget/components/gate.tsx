import { lapsed, readerMessage } from '../../shared/errors';
import { hasCommented } from '../model/commented';
import { absoluteTime } from '../model/time';
import type { WidgetContext } from './context';
import { CallToAction } from './call-to-action';
import { Guidelines } from './guidelines';

export interface GateProps {
  ctx: WidgetContext;
}

/** Who may write here decides what sits above the thread: a composer, an invitation, or a reason. */
export function Gate({ ctx }: GateProps) {
  const { state, client, t, member } = ctx;
  if (!state.view) return null;
  const { thread, viewer, site } = state.view;
  const { strings, guidelinesDisplay: display } = site;
  // A member whose sign-in lapsed (on load, or when a write was refused) is asked to sign in
  // again, never invited to subscribe. A composer already open (a signed-in view before the
  // refusal) stays, disabled, with its draft; a lapsed view on load is a guest's, with none.
  const lost = lapsed(viewer.session);
  const signIn = {
    text: readerMessage(viewer.session == 'expired' ? 'token_expired' : 'token_invalid', strings),
    linkText: t('signIn'),
    url: site.signInUrl ?? '',
  };
  const openRules =
    display == 'open' || (display == 'before-first-comment' && !hasCommented(client.site) && !state.comments.some((c) => c.mine));
  return (
    <div>
      {thread.closed && <p class="notice">{readerMessage('thread_closed', strings)}</p>}
      {site.guidelines && <Guidelines text={site.guidelines} summary={t('guidelines')} open={openRules} />}
      {thread.closed ? null : lost ? (
        <CallToAction cta={signIn} />
      ) : (
        !viewer.canComment &&
        (viewer.callToAction ? (
          <CallToAction cta={viewer.callToAction} ctx={ctx} />
        ) : (
          viewer.reason && (
            <p class="notice">
              {readerMessage(viewer.reason, strings)}
              {viewer.standing?.until && ` ${t('standing.until', { date: absoluteTime(viewer.standing.until) })}`}
              {viewer.standing?.note && ` ${t('standing.note', { note: viewer.standing.note })}`}
            </p>
          )
        ))
      )}
      {(viewer.canComment || (lost && viewer.signedIn)) && (
        <fieldset disabled={lost}>
          {member.ui ? (
            <member.ui.NewComment ctx={ctx} lost={lost} />
          ) : (
            // The composer's height, kept while its code arrives.
            <div class="composer-wait">
              {member.failed && (
                <p class="status error" role="status">
                  {readerMessage('unavailable', strings)}{' '}
                  <button type="button" onClick={member.retry}>
                    {t('retry')}
                  </button>
                </p>
              )}
            </div>
          )}
        </fieldset>
      )}
    </div>
  );
}
