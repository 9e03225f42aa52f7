// A person's own preferences for the screen: the language and how dates are written, kept on their account.

/** The screen languages; Japanese first, as the desk's default. */
export const screenLanguages = ['ja', 'en'] as const;
export type ScreenLanguage = (typeof screenLanguages)[number];

/**
 * How dates are written: the western year (2026年11月25日) or the Japanese era (令和8年11月25日), which many
 * Japanese public forms and older staff still read first.
 */
export const dateStyles = ['western', 'era'] as const;
export type DateStyle = (typeof dateStyles)[number];

export interface Preferences {
  /** Null: the person never chose, and the desk keeps the language chosen on the sign-in screen of this machine. */
  language: ScreenLanguage | null;
  dateStyle: DateStyle;
}
