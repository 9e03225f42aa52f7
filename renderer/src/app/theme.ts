// The desk's Mantine theme, with every colour used for text dark enough to read (WCAG 2.1 AA, 4.5:1) on the backgrounds it is drawn on.
import { DEFAULT_THEME, createTheme, darken, luminance, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// WCAG 2.1 AA asks 4.5:1 for normal text (1.4.3); a little above, so rounding never lands a colour just under.
const aa = 4.6;
const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
};

/** `rgba(r, g, b, 1)` (what `darken` gives) as #rrggbb, the form a colour tuple holds. */
function hex(colour: string): string {
  const m = /rgba?\((\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?)/.exec(colour);
  if (!m) return colour;
  return `#${[m[1], m[2], m[3]].map((v) => Math.round(Number(v)).toString(16).padStart(2, '0')).join('')}`;
}

/** `colour`, darkened in small steps until it reads on every one of `backgrounds`. */
function darkenUntilReadable(colour: string, backgrounds: string[]): string {
  let result = colour;
  for (let step = 0.04; backgrounds.some((b) => contrast(result, b) < aa) && step < 1; step += 0.04) result = hex(darken(colour, step));
  return result;
}

const gray = DEFAULT_THEME.colors.gray;

/**
 * Mantine draws filled buttons, badges and coloured text in shade 6 (3.3:1 for red on white, 2.4:1 for green) and
 * screens draw warnings in shades 8 and 9 (`red.8`, `orange.9`) on white, on a striped or hovered row and on the
 * colour's own tint (an overdue row is red 1). Orange, yellow, green, lime, teal and cyan never reach 4.5:1 there, nor
 * red 8 on red 1: shades 7–9 are darkened just enough, and shade 8 becomes the filled and text shade (primaryShade).
 */
function darkerTextShades(): Record<string, MantineColorsTuple> {
  const colours: Record<string, MantineColorsTuple> = {};
  for (const [name, scale] of Object.entries(DEFAULT_THEME.colors)) {
    if (name === 'dark' || name === 'gray') continue;
    const shades = [...scale];
    shades[7] = darkenUntilReadable(scale[7]!, ['#ffffff']);
    shades[8] = darkenUntilReadable(scale[8]!, [gray[1], scale[1]!]);
    // The light variant's text (shade 9) on its hovered tint (shade 2), and a filled button's hover.
    shades[9] = darkenUntilReadable(scale[9]!, [gray[2], scale[2]!]);
    colours[name] = shades as unknown as MantineColorsTuple;
  }
  return colours;
}

/** Dimmed words (hints, descriptions, sub-lines) and placeholders: lighter than the text, readable on a striped or hovered row or a tinted panel (gray 6 is 3.3:1, gray 5 2.1:1). */
export const readableColours: CSSVariablesResolver = () => {
  // Also on every colour's tint (shade 1): a request's or an alert's coloured panel carries dimmed sub-lines too.
  const tints = Object.entries(DEFAULT_THEME.colors).filter(([name]) => name !== 'dark').map(([, scale]) => scale[1]);
  const dimmed = darkenUntilReadable(gray[6], [gray[2], ...tints]);
  return {
    variables: {},
    light: { '--mantine-color-dimmed': dimmed, '--mantine-color-placeholder': dimmed, '--mantine-color-error': 'var(--mantine-color-red-8)' },
    dark: {},
  };
};

export const theme = createTheme({
  primaryColor: 'indigo',
  colors: darkerTextShades(),
  primaryShade: { light: 8, dark: 8 },
  // Fonts installed on the machine only (the CSP allows no remote fonts); Japanese first so kana and kanji match.
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic UI", Meiryo, "Noto Sans CJK JP", "Noto Sans JP", "Segoe UI Emoji", "Apple Color Emoji", "Noto Color Emoji", sans-serif',
  fontFamilyMonospace: 'ui-monospace, "SFMono-Regular", Consolas, "DejaVu Sans Mono", "Noto Sans Mono CJK JP", monospace',
  headings: { fontFamily: 'inherit' },
  respectReducedMotion: true,
});
