import { readerMessage } from '../../shared/errors';
import type { WidgetContext } from './context';
import { CallToAction } from './call-to-action';
import { Composer } from './composer';
import { Guidelines } from './guidelines';

export interface GateProps {
  ctx: WidgetContext;
}

/** Who may write here decides what sits above the thread: a composer, an invitation, or a reason. */
export function Gate({ ctx: { state, actions } }: GateProps) {
  if (!state.view) return null;
  const { thread, viewer, site } = state.view;
  return (
    <div>
      {thread.closed && <p class="notice">{readerMessage('thread_closed')}</p>}
      {site.guidelines && <Guidelines text={site.guidelines} />}
      {viewer.canComment ? (
        <Composer
          id="new"
          label={viewer.name ? `Comment as ${viewer.name}` : 'Add a comment'}
          submitLabel="Post"
          maxLength={site.maxLength}
          onSubmit={(body, afterNudge) => actions.post({ body, afterNudge })}
          onDone={(c) => actions.focus(c.id)}
        />
      ) : thread.closed ? null : viewer.callToAction ? (
        <CallToAction cta={viewer.callToAction} />
      ) : (
        viewer.reason && <p class="notice">{readerMessage(viewer.reason)}</p>
      )}
    </div>
  );
}
