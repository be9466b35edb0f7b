import { useEffect, useRef } from 'react';
import type { ReaderSettings, Theme } from '../../../main/model/contract';
import { FONT_SIZE_MAX, FONT_SIZE_MIN, FONT_SIZE_STEP, LINE_HEIGHTS } from './type-scale';

type Appearance = Pick<ReaderSettings, 'theme' | 'font' | 'fontSize' | 'lineHeight'>;

const THEMES: { value: Theme; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'sepia', label: 'Sepia' },
  { value: 'dark', label: 'Dark' },
];

function nearestLineHeight(value: number): number {
  return LINE_HEIGHTS.reduce((best, option) =>
    Math.abs(option.value - value) < Math.abs(best.value - value) ? option : best,
  ).value;
}

/**
 * The "Reading settings" popover: a non-modal dialog anchored under its
 * button. Every change applies at once and is saved by the owner.
 */
export function ReadingSettings({
  id,
  settings,
  onChange,
  onClose,
}: {
  id: string;
  settings: Appearance;
  onChange: (patch: Partial<ReaderSettings>) => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    ref.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Element | null;
      // Clicks on the opening button toggle it themselves.
      if (ref.current?.contains(target) || target?.closest(`[aria-controls="${id}"]`)) return;
      onCloseRef.current();
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [id]);

  const size = settings.fontSize;
  const leading = nearestLineHeight(settings.lineHeight);

  return (
    <div
      ref={ref}
      id={id}
      className="reading-settings"
      role="dialog"
      aria-label="Reading settings"
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Escape') {
          event.preventDefault();
          // Focus was inside the popover; give it back to the button that opened it.
          document.querySelector<HTMLElement>(`[aria-controls="${id}"]`)?.focus();
          onClose();
        }
      }}
    >
      <fieldset className="reading-settings__group">
        <legend className="reading-settings__legend">Theme</legend>
        <div className="segmented segmented--themes">
          {THEMES.map((theme) => (
            <label key={theme.value} className={`segmented__option theme-swatch theme-swatch--${theme.value}`}>
              <input
                type="radio"
                name="gloss-theme"
                value={theme.value}
                checked={settings.theme === theme.value}
                onChange={() => onChange({ theme: theme.value })}
              />
              <span>{theme.label}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="reading-settings__group">
        <legend className="reading-settings__legend">Typeface</legend>
        <div className="segmented">
          <label className="segmented__option">
            <input
              type="radio"
              name="gloss-font"
              value="serif"
              checked={settings.font === 'serif'}
              onChange={() => onChange({ font: 'serif' })}
            />
            <span className="font-sample font-sample--serif">Serif</span>
          </label>
          <label className="segmented__option">
            <input
              type="radio"
              name="gloss-font"
              value="sans"
              checked={settings.font === 'sans'}
              onChange={() => onChange({ font: 'sans' })}
            />
            <span className="font-sample font-sample--sans">Sans</span>
          </label>
        </div>
      </fieldset>

      <fieldset className="reading-settings__group">
        <legend className="reading-settings__legend">Text size</legend>
        <div className="reading-settings__size">
          <button
            type="button"
            className="button size-button"
            aria-label="Smaller text"
            disabled={size <= FONT_SIZE_MIN}
            onClick={() => onChange({ fontSize: Math.max(FONT_SIZE_MIN, size - FONT_SIZE_STEP) })}
          >
            <span aria-hidden="true" className="size-button__small">
              A−
            </span>
          </button>
          <output className="reading-settings__size-value" aria-live="polite" aria-label="Text size">
            {size} px
          </output>
          <button
            type="button"
            className="button size-button"
            aria-label="Larger text"
            disabled={size >= FONT_SIZE_MAX}
            onClick={() => onChange({ fontSize: Math.min(FONT_SIZE_MAX, size + FONT_SIZE_STEP) })}
          >
            <span aria-hidden="true" className="size-button__large">
              A+
            </span>
          </button>
        </div>
      </fieldset>

      <fieldset className="reading-settings__group">
        <legend className="reading-settings__legend">Line spacing</legend>
        <div className="segmented">
          {LINE_HEIGHTS.map((option) => (
            <label key={option.value} className="segmented__option">
              <input
                type="radio"
                name="gloss-leading"
                value={option.value}
                checked={leading === option.value}
                onChange={() => onChange({ lineHeight: option.value })}
              />
              <span>{option.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
