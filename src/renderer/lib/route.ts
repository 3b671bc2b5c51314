import { useCallback, useEffect, useState } from 'react';

/**
 * Where the window is: the inbox, or one case, optionally at one event of its history (a search
 * hit). Kept in `location.hash` so reload and back work.
 */
export type Route =
  | { name: 'inbox' }
  | { name: 'matters' }
  | { name: 'zero' }
  | { name: 'import' }
  | { name: 'audit' }
  | { name: 'data' }
  | { name: 'templates' }
  | { name: 'approvals' }
  | { name: 'case'; id: number; eventId?: number };

const CASE_HASH = /^#\/case\/(\d+)(?:\/event\/(\d+))?$/;

function positiveId(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const id = Number(text);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

export function parseRoute(hash: string): Route {
  if (hash === '#/matters') return { name: 'matters' };
  if (hash === '#/zero') return { name: 'zero' };
  if (hash === '#/import') return { name: 'import' };
  if (hash === '#/audit') return { name: 'audit' };
  if (hash === '#/data') return { name: 'data' };
  if (hash === '#/templates') return { name: 'templates' };
  if (hash === '#/approvals') return { name: 'approvals' };
  const m = CASE_HASH.exec(hash);
  const id = positiveId(m?.[1]);
  if (m && id !== undefined) {
    const eventId = positiveId(m[2]);
    return eventId === undefined ? { name: 'case', id } : { name: 'case', id, eventId };
  }
  return { name: 'inbox' };
}

export function routeHash(route: Route): string {
  if (route.name === 'inbox') return '#/';
  if (route.name === 'matters') return '#/matters';
  if (route.name === 'zero') return '#/zero';
  if (route.name === 'import') return '#/import';
  if (route.name === 'audit') return '#/audit';
  if (route.name === 'data') return '#/data';
  if (route.name === 'templates') return '#/templates';
  if (route.name === 'approvals') return '#/approvals';
  return route.eventId === undefined ? `#/case/${route.id}` : `#/case/${route.id}/event/${route.eventId}`;
}

/**
 * The current route and functions to move. Opening a case pushes a history entry; going back to
 * the inbox pops it when the inbox is the entry behind, so the browser's back button and Esc agree.
 */
export function useHashRoute(): {
  route: Route;
  openCase: (id: number, eventId?: number) => void;
  openImport: () => void;
  backToInbox: () => void;
  openMatters: () => void;
  openZero: () => void;
  openAudit: () => void;
  openData: () => void;
  openTemplates: () => void;
  openApprovals: () => void;
} {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  const [openedFromInbox, setOpenedFromInbox] = useState(false);

  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);

  const openCase = useCallback((id: number, eventId?: number) => {
    setOpenedFromInbox(true);
    window.location.hash = routeHash(eventId === undefined ? { name: 'case', id } : { name: 'case', id, eventId });
  }, []);

  const openImport = useCallback(() => {
    setOpenedFromInbox(true);
    window.location.hash = routeHash({ name: 'import' });
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

  const openMatters = useCallback(() => {
    setOpenedFromInbox(false);
    window.location.hash = routeHash({ name: 'matters' });
  }, []);

  const openZero = useCallback(() => {
    setOpenedFromInbox(false);
    window.location.hash = routeHash({ name: 'zero' });
  }, []);

  const openAudit = useCallback(() => {
    setOpenedFromInbox(true);
    window.location.hash = routeHash({ name: 'audit' });
  }, []);

  const openData = useCallback(() => {
    setOpenedFromInbox(true);
    window.location.hash = routeHash({ name: 'data' });
  }, []);

  const openTemplates = useCallback(() => {
    setOpenedFromInbox(true);
    window.location.hash = routeHash({ name: 'templates' });
  }, []);

  const openApprovals = useCallback(() => {
    setOpenedFromInbox(false);
    window.location.hash = routeHash({ name: 'approvals' });
  }, []);

  return { route, openCase, openImport, backToInbox, openMatters, openZero, openAudit, openData, openTemplates, openApprovals };
}
