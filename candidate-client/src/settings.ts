// Display settings a candidate may choose before the test and change at any
// time: text size, a colour overlay behind the text, high contrast and line
// spacing. They are applied as data attributes on <html> that the stylesheet
// reads (no inline styles: the page's CSP forbids them), and kept in browser
// storage for this attempt so a reload keeps them.
import type { DisplayJson } from './api';
import { h } from './dom';

export const textSizes = [100, 125, 150, 175, 200] as const;
export const overlays = ['none', 'cream', 'blue', 'yellow', 'green', 'pink', 'grey'] as const;
export const spacings = ['normal', 'wide', 'wider'] as const;

export interface DisplaySettings {
  textSize: (typeof textSizes)[number];
  overlay: (typeof overlays)[number];
  highContrast: boolean;
  lineSpacing: (typeof spacings)[number];
}

export const defaultSettings: DisplaySettings = { textSize: 100, overlay: 'none', highContrast: false, lineSpacing: 'normal' };

const overlayNames: Record<DisplaySettings['overlay'], string> = {
  none: 'White (none)',
  cream: 'Cream',
  blue: 'Blue',
  yellow: 'Yellow',
  green: 'Green',
  pink: 'Pink',
  grey: 'Grey',
};
const spacingNames: Record<DisplaySettings['lineSpacing'], string> = { normal: 'Normal', wide: 'Wide', wider: 'Wider' };

// The server's spelling (the player-state endpoint), and back; unknown values fall back to the defaults.
export function settingsToJson(s: DisplaySettings): DisplayJson {
  return { text_size: s.textSize, overlay: s.overlay, high_contrast: s.highContrast, line_spacing: s.lineSpacing };
}

export function settingsFromJson(j: DisplayJson): DisplaySettings {
  return {
    textSize: textSizes.find((v) => v === j.text_size) ?? defaultSettings.textSize,
    overlay: overlays.find((v) => v === j.overlay) ?? defaultSettings.overlay,
    highContrast: j.high_contrast === true,
    lineSpacing: spacings.find((v) => v === j.line_spacing) ?? defaultSettings.lineSpacing,
  };
}

export function applySettings(s: DisplaySettings): void {
  const root = document.documentElement;
  root.dataset['textSize'] = String(s.textSize);
  root.dataset['overlay'] = s.overlay;
  root.dataset['contrast'] = s.highContrast ? 'high' : 'normal';
  root.dataset['spacing'] = s.lineSpacing;
}

export function loadSettings(key: string): DisplaySettings {
  try {
    const raw = localStorage.getItem(key);
    if (raw === null) return { ...defaultSettings };
    const p = JSON.parse(raw) as Partial<DisplaySettings>;
    return {
      textSize: textSizes.find((v) => v === p.textSize) ?? defaultSettings.textSize,
      overlay: overlays.find((v) => v === p.overlay) ?? defaultSettings.overlay,
      highContrast: p.highContrast === true,
      lineSpacing: spacings.find((v) => v === p.lineSpacing) ?? defaultSettings.lineSpacing,
    };
  } catch {
    return { ...defaultSettings };
  }
}

export function saveSettings(key: string, s: DisplaySettings): void {
  try {
    localStorage.setItem(key, JSON.stringify(s));
  } catch {
    // Not stored: the settings still apply for as long as the page is open.
  }
}

let formCount = 0;

// The settings as a form of radio groups and a checkbox; every change applies at once.
export function settingsForm(current: DisplaySettings, onChange: (s: DisplaySettings) => void): HTMLElement {
  const id = `settings-${++formCount}`;
  const s = { ...current };
  const changed = () => {
    applySettings(s);
    onChange({ ...s });
  };
  const group = <T extends string | number>(
    legend: string,
    name: string,
    values: readonly T[],
    label: (v: T) => string,
    get: () => T,
    set: (v: T) => void,
  ) =>
    h(
      'fieldset',
      { class: 'setting' },
      h('legend', {}, legend),
      ...values.map((v) => {
        const input = h('input', {
          type: 'radio',
          name: `${id}-${name}`,
          value: String(v),
          onchange: () => {
            set(v);
            changed();
          },
        });
        input.checked = get() === v;
        return h('label', { class: 'choice' }, input, ' ', label(v));
      }),
    );
  const contrast = h('input', {
    type: 'checkbox',
    onchange: (e: Event) => {
      s.highContrast = (e.target as HTMLInputElement).checked;
      changed();
    },
  });
  contrast.checked = s.highContrast;
  return h(
    'div',
    { class: 'settings-form' },
    group('Text size', 'size', textSizes, (v) => `${v}%`, () => s.textSize, (v) => (s.textSize = v)),
    group('Background colour', 'overlay', overlays, (v) => overlayNames[v], () => s.overlay, (v) => (s.overlay = v)),
    group('Line spacing', 'spacing', spacings, (v) => spacingNames[v], () => s.lineSpacing, (v) => (s.lineSpacing = v)),
    h('fieldset', { class: 'setting' }, h('legend', {}, 'Contrast'), h('label', { class: 'choice' }, contrast, ' High contrast (light text on black)')),
  );
}
