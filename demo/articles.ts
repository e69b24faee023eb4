// The demo publisher's articles: one in the general news section, one in the newsletter
// section that the newsletter tier may comment on.
export interface DemoArticle {
  slug: string;
  path: string;
  section: string;
  title: string;
  standfirst: string;
  paragraphs: string[];
}

export const ARTICLES: DemoArticle[] = [
  {
    slug: 'city-budget',
    path: '/articles/city-budget',
    section: 'News',
    title: 'Council passes a budget that raises transit fares and cuts library hours',
    standfirst: 'The vote was 7–4 after a six-hour session. Supporters call it the only responsible option; critics say it falls hardest on those with the least.',
    paragraphs: [
      'The city council approved next year’s budget late on Tuesday, closing a projected shortfall with a mix of fare increases, deferred maintenance and reduced opening hours at six branch libraries.',
      'Transit fares will rise by 25 cents in March. The council’s finance chair said the increase was smaller than the transit authority had asked for and would be reviewed after a year.',
      'Library advocates packed the chamber. Several speakers argued that the branches proposed for shorter hours serve neighbourhoods where many households have no home internet.',
    ],
  },
  {
    slug: 'morning-briefing',
    path: '/newsletter/morning-briefing',
    section: 'Newsletter',
    title: 'Morning Briefing: what the budget vote means for your commute',
    standfirst: 'Three numbers to know before you leave the house, and one question we could not answer.',
    paragraphs: [
      'Good morning. The fare increase takes effect on the first of March, and monthly passes rise by the same proportion.',
      'Off-peak discounts stay. The council asked the transit authority to report back on ridership in six months.',
      'Tell us in the comments: has your commute changed this year?',
    ],
  },
];
