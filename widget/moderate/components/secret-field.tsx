// The external scorer's signing secret on the rules form. The server never shows it, so the field
// says whether one is set and holds only a change: typed text replaces it, "Remove secret" clears
// it, and a blank field leaves the site's as it is.

export interface SecretFieldProps {
  id: string;
  label: string;
  /** Whether the site has a secret now (as the server last said). */
  isSet: boolean;
  /** The change to send: undefined keeps the site's, null removes it, a string replaces it. */
  change: string | null | undefined;
  disabled: boolean;
  onChange(change: string | null | undefined): void;
}

export function SecretField({ id, label, isSet, change, disabled, onChange }: SecretFieldProps) {
  const status =
    change === null
      ? 'will be removed when you save'
      : change
        ? 'the new one is saved when you save'
        : isSet
          ? 'set — type a new one to replace'
          : 'not set';
  return (
    <div class="field wide">
      {/* The status sits in the label, whose text follows its input's (disabled) state; the input is described by it. */}
      <label for={id}>
        {label}{' '}
        <span id={`${id}-status`} aria-hidden="true">
          ({status})
        </span>
      </label>
      <input
        id={id}
        type="password"
        // The browser must not offer the moderator's own passwords here, nor save this one.
        autoComplete="new-password"
        spellcheck={false}
        value={change ?? ''}
        disabled={disabled}
        aria-describedby={`${id}-status`}
        onInput={(e) => onChange(e.currentTarget.value || (change === null ? null : undefined))}
      />
      {isSet && change !== null && (
        <button type="button" class="btn" disabled={disabled} onClick={() => onChange(null)}>
          Remove secret
        </button>
      )}
      {change === null && (
        <button type="button" class="btn" disabled={disabled} onClick={() => onChange(undefined)}>
          Keep secret
        </button>
      )}
    </div>
  );
}
