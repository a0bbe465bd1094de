import { useCallback, useEffect, useRef } from 'react';

/**
 * While a form has unsaved edits, leaving it asks first: a link to elsewhere (another section of the
 * page) waits until `ask` lets it go, Back or a typed address is turned back until then, and closing
 * or reloading the tab gets the browser's own question. Returns `release`, for the page's own moves
 * away from a form it has just saved or closed (before its state says so).
 */
export function useLeaveGuard(dirty: boolean, ask: (leave: () => void) => void): () => void {
  const active = useRef(dirty);
  active.current = dirty;
  const release = useCallback(() => {
    active.current = false;
  }, []);

  useEffect(() => {
    if (!dirty) return;
    const home = location.href;
    const leave = (go: () => void) => () => {
      active.current = false;
      go();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium asks only when returnValue is set.
      event.returnValue = '';
    };
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      // A link that opens a new tab or stays on this very address leaves nothing behind.
      if (!(link instanceof HTMLAnchorElement) || link.target || link.href === location.href) return;
      event.preventDefault();
      ask(
        leave(() => {
          location.href = link.href;
        }),
      );
    };
    // Back, Forward or a typed address: popstate comes before hashchange, so putting the form's address
    // back here means the page's router (which reads location.hash on hashchange) never leaves it.
    const onPopState = () => {
      if (!active.current || location.href === home) return;
      const target = location.href;
      history.replaceState(history.state, '', home);
      ask(
        leave(() => {
          location.href = target;
        }),
      );
    };
    addEventListener('beforeunload', onBeforeUnload);
    // Capture: decided before the link's own navigation.
    document.addEventListener('click', onClick, true);
    addEventListener('popstate', onPopState);
    return () => {
      removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
      removeEventListener('popstate', onPopState);
    };
  }, [dirty, ask]);

  return release;
}
