// The Site page's inputs: a label, the control, and what is wrong with it as the control's
// description, so a screen reader reads the sentence with the field.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { linesToList, listToLines } from '../../model/use-settings';

/** A DOM id for a form key ("tiers.0.sections"), unique within the dashboard. */
export const fieldId = (key: string) => `site-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;

function marks(key: string, error: string | undefined, hint?: string) {
  const id = fieldId(key);
  const described = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return { id, 'aria-invalid': error ? ('true' as const) : undefined, 'aria-describedby': described || undefined };
}

interface FrameProps {
  field: string;
  label: string;
  error?: string;
  hint?: string;
  wide?: boolean;
  children: ComponentChildren;
}

/** Label above the control, the hint and the error under it. */
function Frame({ field, label, error, hint, wide, children }: FrameProps) {
  const id = fieldId(field);
  return (
    <div class={`field${wide ? ' wide' : ''}${error ? ' invalid' : ''}`}>
      <label for={id}>{label}</label>
      {children}
      {hint && (
        <span class="hint field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span class="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

export interface TextFieldProps {
  /** The form key: what errors are filed under, and the control's id. */
  field: string;
  label: string;
  value: string;
  error?: string;
  hint?: string;
  wide?: boolean;
  /** Rows of a textarea; none: a one-line input. */
  rows?: number;
  type?: 'text' | 'url' | 'password';
  placeholder?: string;
  autocomplete?: string;
  list?: string;
  onInput(value: string): void;
}

export function TextField({ field, label, value, error, hint, wide, rows, type = 'text', placeholder, autocomplete, list, onInput }: TextFieldProps) {
  const props = { ...marks(field, error, hint), value, placeholder, onInput: (e: Event) => onInput((e.currentTarget as HTMLInputElement).value) };
  return (
    <Frame field={field} label={label} error={error} hint={hint} wide={wide || rows !== undefined}>
      {rows ? (
        <textarea {...props} rows={rows} spellcheck={false} />
      ) : (
        // Preact types `list` for a few input types only; the attribute works on any text input.
        <input {...props} {...((list ? { list } : {}) as Record<string, string>)} type={type as 'text'} autocomplete={autocomplete} spellcheck={false} />
      )}
    </Frame>
  );
}

export interface NumberFieldProps {
  field: string;
  label: string;
  /** null: empty. */
  value: number | null;
  error?: string;
  hint?: string;
  min?: number;
  max?: number;
  disabled?: boolean;
  onInput(value: number | null): void;
}

export function NumberField({ field, label, value, error, hint, min, max, disabled, onInput }: NumberFieldProps) {
  return (
    <Frame field={field} label={label} error={error} hint={hint}>
      <input
        {...marks(field, error, hint)}
        type="number"
        value={value ?? ''}
        min={min}
        max={max}
        step={1}
        disabled={disabled}
        // Cleared is null, so the shared check says it is required; text that is no number is NaN and fails it too.
        onInput={(e) => onInput(e.currentTarget.value.trim() === '' ? null : e.currentTarget.valueAsNumber)}
      />
    </Frame>
  );
}

export interface ChoiceFieldProps<T extends string> {
  field: string;
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  error?: string;
  onChange(value: T): void;
}

export function ChoiceField<T extends string>({ field, label, value, options, error, onChange }: ChoiceFieldProps<T>) {
  return (
    <Frame field={field} label={label} error={error}>
      <select {...marks(field, error)} value={value} onChange={(e) => onChange(e.currentTarget.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

export interface LinesFieldProps {
  field: string;
  label: string;
  value: string[];
  /** What is wrong, line by line (blank lines aside), by the line's index in `value`. */
  lineErrors: (string | undefined)[];
  /** What is wrong with the list as a whole (too many entries). */
  error?: string;
  hint?: string;
  onChange(value: string[]): void;
}

/** One entry per line, each bad line named under the box with its own sentence. */
export function LinesField({ field, label, value, lineErrors, error, hint, onChange }: LinesFieldProps) {
  const [text, setText] = useState(() => listToLines(value));
  // Keeps the typed text (blank lines, a trailing newline) while the form gets the clean list.
  useEffect(() => {
    if (listToLines(linesToList(text)) !== listToLines(value)) setText(listToLines(value));
  }, [value]);
  const bad = value.map((line, i) => [line, lineErrors[i]] as const).filter(([, e]) => e);
  const invalid = bad.length > 0 || !!error;
  const id = fieldId(field);
  const described = [invalid ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field wide${invalid ? ' invalid' : ''}`}>
      <label for={id}>{label}</label>
      <textarea
        id={id}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={described || undefined}
        rows={Math.min(6, Math.max(2, value.length + 1))}
        value={text}
        spellcheck={false}
        onInput={(e) => {
          setText(e.currentTarget.value);
          onChange(linesToList(e.currentTarget.value));
        }}
      />
      {hint && (
        <span class="hint field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {invalid && (
        <ul class="field-error line-errors" id={`${id}-error`}>
          {error && <li>{error}</li>}
          {bad.map(([line, problem]) => (
            <li key={line}>
              “{line}”: {problem}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
