import { useMemo } from 'preact/hooks';
import { commentMatrix } from '../../model/comment-matrix';
import type { SiteForm } from '../../model/site-form';

export interface CommentPreviewProps {
  form: SiteForm;
}

/** "Who may comment where" for the form as it stands, unsaved edits included. */
export function CommentPreview({ form }: CommentPreviewProps) {
  const { sections, tiers } = useMemo(() => commentMatrix(form), [form.defaultSection, form.sectionRules, form.tiers]);
  return (
    <section class="side-box" aria-labelledby="site-preview-title">
      <h2 id="site-preview-title">Who may comment where</h2>
      <p class="muted">As edited, before saving. Moderators and admins comment everywhere; guests only read.</p>
      <div class="table-scroll">
        <table class="matrix" aria-describedby="site-preview-title">
          <thead>
            <tr>
              <th scope="col">Tier</th>
              {sections.map((s) => (
                <th scope="col" key={s.id}>
                  {s.id}
                  <span class="muted matrix-where">{[s.isDefault ? 'default' : '', ...s.prefixes].filter(Boolean).join(', ')}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {tiers.map((row) => (
              <tr key={row.tier}>
                <th scope="row">{row.tier}</th>
                {row.allowed.map((yes, i) => (
                  <td key={sections[i].id} class={yes ? 'yes' : 'no'}>
                    <span aria-hidden="true">{yes ? '✓' : '✗'}</span>
                    <span class="visually-hidden">{yes ? 'may comment' : 'reads only'}</span>
                  </td>
                ))}
              </tr>
            ))}
            {tiers.length === 0 && (
              <tr>
                <td colSpan={sections.length + 1} class="muted">
                  No tier may comment yet.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
