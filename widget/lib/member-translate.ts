// The members' part of the catalogue (shared/member-strings.ts), in the site's wording.
import { MEMBER_STRINGS, type MemberStringKey } from '../../shared/member-strings';
import { catalogueTranslator, type Vars } from '../../shared/strings';

export type MemberTranslate = (key: MemberStringKey, vars?: Vars) => string;

export const memberTranslator = (overrides?: Readonly<Record<string, string>>): MemberTranslate => catalogueTranslator(MEMBER_STRINGS, overrides);
