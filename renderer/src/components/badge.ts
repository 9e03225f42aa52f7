// Badges in table cells: never cut to "ACTI…" by a narrow column, and in the case the words are written in.
export const cellBadge = { tt: 'none', style: { minWidth: 'max-content' } } as const;
