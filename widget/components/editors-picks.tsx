import { sanitizeHtml } from '../render/sanitize-html';
import type { WidgetContext } from './context';

/**
 * The comments the newsroom featured (the server sends them first), above the thread. A reply
 * links to its place there, where its conversation opens; the thread badges them too.
 */
export interface EditorsPicksProps {
  ctx: WidgetContext;
}

export function EditorsPicks({ ctx: { state, t } }: EditorsPicksProps) {
  // Deleted ones lose their author; the server sends published comments only.
  const picks = state.comments.filter((c) => c.featured && c.author);
  return picks.length ? (
    <div class="picks">
      <h3>{t('picks')}</h3>
      <ol>
        {picks.map((c) => (
          <li key={c.id}>
            <p class="meta">
              <strong class="author">{c.author!.name}</strong>
              <span class="badge pick">{t('pick')}</span>
              {c.parentId && <a href={`#comment-${c.id}`}>{t('pick.inThread')}</a>}
            </p>
            <div class="body" dangerouslySetInnerHTML={{ __html: sanitizeHtml(c.html) }} />
          </li>
        ))}
      </ol>
    </div>
  ) : null;
}
