// The host's save dialog (development and end-to-end tests): no person to ask, so the default path is accepted.
import type { SaveDialog } from '../core/desk';

/** Every export goes where the desk proposes, `<exportsDir>/<folder>/<name>`, exactly as a person pressing Save would. */
export function hostSaveDialog(): SaveDialog {
  return {
    choose: async ({ defaultPath }) => defaultPath,
  };
}
