// Moving to another screen of the route table from inside a screen (the import result's "review N" link, for one).
import { createContext, useContext } from 'react';

export const NavigateContext = createContext<(route: string) => void>(() => undefined);

export function useNavigate(): (route: string) => void {
  return useContext(NavigateContext);
}
