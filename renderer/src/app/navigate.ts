// Moving to another screen of the route table from inside a screen (the import result's "review N" link, for one),
// optionally with a filter for the list it opens: `navigate('ledger?show=overdue')`; the screen reads it with
// `useRouteParams()`. A home screen's count links to the very list it counts this way.
import { createContext, useContext } from 'react';

export const NavigateContext = createContext<(route: string) => void>(() => undefined);
export const RouteParamsContext = createContext<URLSearchParams>(new URLSearchParams());

export function useNavigate(): (route: string) => void {
  return useContext(NavigateContext);
}

/** The filter the screen was opened with (empty when opened from the menu). */
export function useRouteParams(): URLSearchParams {
  return useContext(RouteParamsContext);
}

/** `'ledger?show=overdue'` → the route and its parameters. */
export function splitRoute(route: string): { name: string; params: URLSearchParams } {
  const at = route.indexOf('?');
  return at < 0 ? { name: route, params: new URLSearchParams() } : { name: route.slice(0, at), params: new URLSearchParams(route.slice(at + 1)) };
}
