// Previewing a draft: the HTML it would be stored as, from the very renderer posting uses.
// Nothing is stored and nothing is judged: the rules speak when the member posts.
import type { MemberClaims } from '../identity/claims';
import { AppError } from '../errors';
import { renderMarkdown } from './render-markdown';

export function previewComment(claims: MemberClaims | null, body: string): { html: string } {
  if (!claims) throw new AppError('not_signed_in', 'Sign in to preview your comment');
  return { html: renderMarkdown(body) };
}
