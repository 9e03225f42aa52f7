// Japanese for language and date style per account, and the side menu groups (issue #9).
export const preferencesJa = {
  nav: {
    myAccount: 'アカウント設定',
    groups: { daily: '日々の業務', records: '台帳・記録', admin: '管理', self: '自分' },
  },
  myAccount: {
    title: 'アカウント設定',
    intro: '表示言語と日付の書き方はあなたのアカウントに保存され、どのワークステーションでもサインインすると元に戻ります。',
  },
  preferences: {
    title: '表示の設定',
    language: {
      label: '表示言語',
      description: '画面の言語です。画面上部の切り替えでも変更でき、どちらもあなたのアカウントに保存されます。',
      unset: 'まだ選んでいません。サインイン画面で選ばれた言語で表示しています。',
    },
    dateStyle: {
      label: '日付の書き方',
      description: '一覧や記録に表示する日付の書き方です。',
      western: '西暦（{{example}}）',
      era: '和暦（{{example}}）',
    },
    saved: '表示の設定を保存しました。',
    notSaved: '表示の設定を保存できませんでした',
  },
  keyboard: {
    title: 'キーボード操作',
    search: '/ キーで画面の検索欄へ移動',
    rows: '↑↓ キーで一覧の行を移動し、Enter キーで開く',
    back: 'Esc キーで開いた記録から一覧へ戻る',
    lock: 'Ctrl+L ですぐにロック',
  },
  errors: {
    preferences: {
      nothingToSave: '保存する設定がありません。表示言語か日付の書き方を選んでください。',
      noAccount: 'あなたのアカウントが見つかりません。いったんサインアウトして、もう一度サインインしてください。',
    },
  },
};
