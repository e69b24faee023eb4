// The catalogue's third part: the banner that announces comments posted while the page is open.
// The widget ships it with the banner's chunk, loaded once the thread shows; a site overrides
// these keys in `settings.strings` like any other.
export const LIVE_STRINGS = {
  'live.one': '1 new comment',
  'live.other': '{n} new comments',
  'live.show': 'show',
  'live.repliedToYou': '{names} replied to you.',
  /** A reply's author the view does not name. */
  'live.someone': 'Someone',
} satisfies Record<string, string>;
