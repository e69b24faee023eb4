import type { EntitlementPolicy } from '../../../shared/schemas/site';

/** The section of a page: the first URL rule whose path prefix matches, else the default. */
export function sectionForUrl(policy: EntitlementPolicy, url: string): string {
  const path = new URL(url).pathname;
  return policy.sectionRules.find((rule) => path.startsWith(rule.pathPrefix))?.section ?? policy.defaultSection;
}
