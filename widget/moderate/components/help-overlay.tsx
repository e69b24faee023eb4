import { useLayoutEffect, useRef } from 'preact/hooks';
import { SHORTCUTS } from '../model/keys';

export interface HelpOverlayProps {
  onClose(): void;
}

export function HelpOverlay({ onClose }: HelpOverlayProps) {
  const close = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => close.current?.focus(), []);
  return (
    <div class="overlay" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div class="popover help" role="dialog" aria-modal="true" aria-labelledby="parley-help-title">
        <h2 id="parley-help-title">Keyboard shortcuts</h2>
        <p class="muted">Shortcuts are off while you type in a field.</p>
        <dl>
          {SHORTCUTS.map((s) => (
            <div key={s.command}>
              <dt>
                <kbd>{s.label}</kbd>
              </dt>
              <dd>{s.description}</dd>
            </div>
          ))}
        </dl>
        <button type="button" class="btn" ref={close} onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
