import { useEffect, useState } from 'preact/hooks';
import { boundsOf, fieldPath, getIn, setIn, type Bounds, type FieldDef, type RulesDraft, type SectionDef } from '../model/rule-form';
import { linesToList, listToLines } from '../model/use-settings';
import { SecretField } from './secret-field';

export interface RuleSectionProps {
  section: SectionDef;
  draft: RulesDraft;
  /** What is wrong, by field path ("rules.bodyLength.min"). */
  errors: Record<string, string>;
  onEdit(update: (d: RulesDraft) => RulesDraft): void;
}

export function RuleSection({ section, draft, errors, onEdit }: RuleSectionProps) {
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
        {section.fields.map((f) =>
          f.kind === 'secret' ? (
            <SecretField key={f.name} id={`${id}-${f.name}`} label={f.label} isSet={!!values.secretSet} change={values[f.name]} disabled={off} onChange={(v) => set(f.name, v)} />
          ) : (
          <Field
            key={f.name}
            id={`${id}-${f.name}`}
            def={f}
            bounds={f.kind === 'int' || f.kind === 'share' ? boundsOf(section, f) : undefined}
            value={values[f.name]}
            error={errors[fieldPath(section, f)]}
            disabled={off}
            onChange={(v) => set(f.name, v)}
          />
          ),
        )}
      </div>
    </fieldset>
  );
}

interface FieldProps {
  id: string;
  def: FieldDef;
  bounds?: Bounds;
  value: any;
  error?: string;
  disabled: boolean;
  onChange(value: unknown): void;
}

function Field({ id, def, bounds, value, error, disabled, onChange }: FieldProps) {
  const wide = def.kind === 'lines' || def.kind === 'url';
  // The message is the input's description, outside its label, so the name stays short.
  const marks = { id, 'aria-invalid': error ? ('true' as const) : undefined, 'aria-describedby': error ? `${id}-error` : undefined };
  const message = error && (
    <span class="field-error" id={`${id}-error`}>
      {error}
    </span>
  );
  if (def.kind === 'check') {
    return (
      <div class={`field wide${error ? ' invalid' : ''}`}>
        <label class="check">
          <input {...marks} type="checkbox" checked={!!value} disabled={disabled} onChange={(e) => onChange(e.currentTarget.checked)} /> {def.label}
        </label>
        {message}
      </div>
    );
  }
  return (
    <div class={`field${wide ? ' wide' : ''}${error ? ' invalid' : ''}`}>
      <label for={id}>{def.label}</label>
      {def.kind === 'url' ? (
        <input {...marks} type="url" value={value ?? ''} disabled={disabled} spellcheck={false} onInput={(e) => onChange(e.currentTarget.value.trim())} />
      ) : def.kind === 'choice' ? (
        <select {...marks} value={value} disabled={disabled} onChange={(e) => onChange(e.currentTarget.value)}>
          {def.options!.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      ) : def.kind === 'lines' ? (
        <LinesInput {...marks} value={value ?? []} disabled={disabled} onChange={onChange} />
      ) : (
        <input
          {...marks}
          type="number"
          // null: cleared; NaN: not a number yet, so the typed text stays as it is.
          value={value === null ? '' : Number.isNaN(value) ? undefined : value}
          disabled={disabled}
          min={bounds?.min}
          max={bounds?.max}
          step={bounds?.step}
          onInput={(e) => onChange(numberOf(e.currentTarget))}
        />
      )}
      {message}
    </div>
  );
}

/**
 * What a number input holds: null once cleared, so the schema says it is required (an absent
 * value would quietly take the default), NaN for text that is not a number.
 */
function numberOf(input: HTMLInputElement): number | null {
  if (input.validity?.badInput) return NaN;
  return input.value.trim() === '' ? null : input.valueAsNumber;
}

interface LinesInputProps {
  id: string;
  'aria-invalid'?: 'true';
  'aria-describedby'?: string;
  value: string[];
  disabled: boolean;
  onChange(value: string[]): void;
}

/** Keeps the typed text (blank lines, a trailing newline) while the settings get the clean list. */
function LinesInput({ value, disabled, onChange, ...marks }: LinesInputProps) {
  const [text, setText] = useState(() => listToLines(value));
  useEffect(() => {
    if (listToLines(linesToList(text)) !== listToLines(value)) setText(listToLines(value));
  }, [value]);
  return (
    <textarea
      {...marks}
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
