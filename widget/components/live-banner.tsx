// "2 new comments — show": comments others posted since the thread loaded wait behind this polite
// banner, and replies to the reader's own are named. Loaded, with the polling behind it, only once
// the thread is on screen (see widget.tsx); sites turn it off with data-live="off".
import { useMemo } from 'preact/hooks';
import { LIVE_STRINGS } from '../../shared/live-strings';
import { catalogueTranslator } from '../../shared/strings';
import type { WidgetConfig } from '../config';
import { joinNames, useLiveUpdates } from '../model/live-updates';
import type { WidgetContext } from './context';
import css from './live-banner.css';

export interface LiveBannerProps {
  ctx: WidgetContext;
  config: WidgetConfig;
}

export function LiveBanner({ ctx, config }: LiveBannerProps) {
  const { waiting, repliesToReader, show } = useLiveUpdates(ctx, config);
  const n = waiting.length;
  const strings = ctx.state.view?.site.strings;
  const t = useMemo(() => catalogueTranslator(LIVE_STRINGS, strings), [strings]);
  const names = [...new Set(repliesToReader.map((c) => c.author?.name ?? t('live.someone')))];
  // The style sheet beside the live region, not in it: its text is not for reading out.
  return (
    <>
      <style>{css}</style>
      <div class="live" aria-live="polite">
        {n > 0 && (
          <p>
            {names.length > 0 && `${t('live.repliedToYou', { names: joinNames(names) })} `}
            {t(n === 1 ? 'live.one' : 'live.other', { n })} —{' '}
            <button type="button" class="link" onClick={show}>
              {t('live.show')}
            </button>
          </p>
        )}
      </div>
    </>
  );
}
