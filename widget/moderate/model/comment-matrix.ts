// "Who may comment where", worked out from the form as it stands, the way the server's
// tier-section rule decides it: a tier comments in the sections it lists ("*": everywhere);
// a tier not listed, and guests, only read; moderators and admins comment everywhere.
import { sectionList, type SiteForm } from './site-form';

export interface MatrixSection {
  id: string;
  isDefault: boolean;
  /** The path prefixes that lead to it (first matching rule wins). */
  prefixes: string[];
}

export interface CommentMatrix {
  sections: MatrixSection[];
  /** One row per named tier, in the form's order: may it comment in each section, column by column. */
  tiers: { tier: string; allowed: boolean[] }[];
}

export function commentMatrix(form: SiteForm): CommentMatrix {
  const ids: string[] = [];
  const add = (id: string) => {
    if (id && id !== '*' && !ids.includes(id)) ids.push(id);
  };
  add(form.defaultSection.trim());
  for (const rule of form.sectionRules) add(rule.section.trim());
  // A tier may name a section no URL rule leads to: the site API can still put threads there.
  for (const row of form.tiers) sectionList(row.sections).forEach(add);
  const sections = ids.map((id) => ({
    id,
    isDefault: id === form.defaultSection.trim(),
    prefixes: form.sectionRules.filter((r) => r.section.trim() === id && r.pathPrefix.trim()).map((r) => r.pathPrefix.trim()),
  }));
  const tiers = form.tiers
    .filter((row) => row.tier.trim())
    .map((row) => {
      const granted = sectionList(row.sections);
      return { tier: row.tier.trim(), allowed: sections.map((s) => granted.includes('*') || granted.includes(s.id)) };
    });
  return { sections, tiers };
}
