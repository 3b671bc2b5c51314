import { useCallback, useEffect, useState } from 'react';

/** Where the window is: the inbox, or one case. Kept in `location.hash` so reload and back work. */
export type Route = { name: 'inbox' } | { name: 'case'; id: number };

const CASE_HASH = /^#\/case\/(\d+)$/;

export function parseRoute(hash: string): Route {
  const m = CASE_HASH.exec(hash);
  if (m) {
    const id = Number(m[1]);
    if (Number.isSafeInteger(id) && id > 0) return { name: 'case', id };
  }
  return { name: 'inbox' };
}

export function routeHash(route: Route): string {
  return route.name === 'case' ? `#/case/${route.id}` : '#/';
}

/**
 * The current route and functions to move. Opening a case pushes a history entry; going back to
 * the inbox pops it when the inbox is the entry behind, so the browser's back button and Esc agree.
 */
export function useHashRoute(): { route: Route; openCase: (id: number) => void; backToInbox: () => void } {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  const [openedFromInbox, setOpenedFromInbox] = useState(false);

  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);

  const openCase = useCallback((id: number) => {
    setOpenedFromInbox(true);
    window.location.hash = routeHash({ name: 'case', id });
  }, []);

  const backToInbox = useCallback(() => {
    if (openedFromInbox) {
      setOpenedFromInbox(false);
      window.history.back();
    } else {
      window.history.replaceState(null, '', window.location.pathname + window.location.search + routeHash({ name: 'inbox' }));
      setRoute({ name: 'inbox' });
    }
  }, [openedFromInbox]);

  return { route, openCase, backToInbox };
}
