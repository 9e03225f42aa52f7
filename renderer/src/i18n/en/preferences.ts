// English for language and date style per account, and the side menu groups (issue #9).
export const preferencesEn = {
  nav: {
    myAccount: 'My account',
    groups: { daily: 'Daily work', records: 'Registers and records', admin: 'Administration', self: 'Me' },
  },
  myAccount: {
    title: 'My account',
    intro: 'Your screen language and date style are saved on your account and come back whenever you sign in, on any workstation.',
  },
  preferences: {
    title: 'Display',
    language: {
      label: 'Screen language',
      description: 'The language of the screens. The switch at the top of the screen changes it too; both save it on your account.',
      unset: 'Not chosen yet: the desk shows the language chosen on the sign-in screen.',
    },
    dateStyle: {
      label: 'Date style',
      description: 'How dates are written in lists and records.',
      western: 'Western year: {{example}}',
      era: 'Japanese era: {{example}}',
    },
    saved: 'Display settings saved.',
    notSaved: 'The display settings could not be saved',
  },
  keyboard: {
    title: 'Keyboard',
    search: '/ moves to the search box of the screen',
    rows: '↑ and ↓ move through the rows of a list; Enter opens the row',
    back: 'Esc goes back from an opened record to its list',
    lock: 'Ctrl+L locks at once',
  },
  errors: {
    preferences: {
      nothingToSave: 'There is nothing to save. Choose a screen language or a date style.',
      noAccount: 'Your account was not found. Please sign out and sign in again.',
    },
  },
};
