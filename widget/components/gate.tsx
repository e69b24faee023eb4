import { useContext } from 'preact/hooks';
import { readerMessage } from '../../shared/errors';
import { WidgetContext } from './context';
import { CallToAction } from './call-to-action';
import { Composer } from './composer';
import { Guidelines } from './guidelines';

/** Who may write here decides what sits above the thread: a composer, an invitation, or a reason. */
export function Gate() {
  const { state, actions } = useContext(WidgetContext);
  if (!state.view) return null;
  const { thread, viewer, site } = state.view;
  return (
    <div>
      {thread.closed && <p class="notice">{readerMessage('thread_closed')}</p>}
      {site.guidelines && <Guidelines text={site.guidelines} />}
      {viewer.canComment ? (
        <Composer
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
