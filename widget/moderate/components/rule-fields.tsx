import { useEffect, useState } from 'preact/hooks';
import type { ModerationSettings } from '../../../shared/schemas/moderation-settings';
import { getIn, setIn, type FieldDef, type SectionDef } from '../model/rule-form';
import { linesToList, listToLines } from '../model/use-settings';

export interface RuleSectionProps {
  section: SectionDef;
  draft: ModerationSettings;
  onEdit(update: (d: ModerationSettings) => ModerationSettings): void;
}

export function RuleSection({ section, draft, onEdit }: RuleSectionProps) {
  const values = getIn(draft, section.path) ?? {};
  const id = `rule-${section.path.join('-')}`;
  const set = (name: string, value: unknown) => onEdit((d) => setIn(d, [...section.path, name], value));
  const off = section.toggle && !values.enabled;
  return (
    <fieldset class={`rule${off ? ' off' : ''}`} aria-labelledby={`${id}-title`}>
      <legend id={`${id}-title`}>
        {section.toggle ? (
          <label class="check">
            <input type="checkbox" checked={!!values.enabled} onChange={(e) => set('enabled', e.currentTarget.checked)} /> {section.title}
          </label>
        ) : (
          section.title
        )}
      </legend>
      <p class="muted">{section.description}</p>
      <div class="fields">
        {section.fields.map((f) => (
          <Field key={f.name} def={f} value={values[f.name]} disabled={off} onChange={(v) => set(f.name, v)} />
        ))}
      </div>
    </fieldset>
  );
}

interface FieldProps {
  def: FieldDef;
  value: any;
  disabled: boolean;
  onChange(value: unknown): void;
}

function Field({ def, value, disabled, onChange }: FieldProps) {
  const wide = def.kind === 'lines';
  return (
    <label class={wide ? 'field wide' : 'field'}>
      <span>{def.label}</span>
      {def.kind === 'choice' ? (
        <select value={value} disabled={disabled} onChange={(e) => onChange(e.currentTarget.value)}>
          {def.options!.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      ) : def.kind === 'lines' ? (
        <LinesInput value={value ?? []} disabled={disabled} onChange={onChange} />
      ) : (
        <input
          type="number"
          value={value}
          disabled={disabled}
          min={def.kind === 'share' ? 0 : def.min}
          max={def.kind === 'share' ? 1 : def.max}
          step={def.kind === 'share' ? 0.05 : 1}
          onInput={(e) => {
            const n = e.currentTarget.valueAsNumber;
            if (Number.isFinite(n)) onChange(n);
          }}
        />
      )}
    </label>
  );
}

interface LinesInputProps {
  value: string[];
  disabled: boolean;
  onChange(value: string[]): void;
}

/** Keeps the typed text (blank lines, a trailing newline) while the settings get the clean list. */
function LinesInput({ value, disabled, onChange }: LinesInputProps) {
  const [text, setText] = useState(() => listToLines(value));
  useEffect(() => {
    if (listToLines(linesToList(text)) !== listToLines(value)) setText(listToLines(value));
  }, [value]);
  return (
    <textarea
      rows={Math.min(8, Math.max(3, value.length + 1))}
      value={text}
      disabled={disabled}
      spellcheck={false}
      onInput={(e) => {
        setText(e.currentTarget.value);
        onChange(linesToList(e.currentTarget.value));
      }}
    />
  );
}
