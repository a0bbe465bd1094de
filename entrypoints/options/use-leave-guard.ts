import { useEffect } from 'react';

/**
 * While a form has unsaved edits, leaving it asks first: a link to elsewhere (another section of the
 * page) waits until `ask` lets it go, and closing or reloading the tab gets the browser's own question.
 */
export function useLeaveGuard(dirty: boolean, ask: (leave: () => void) => void): void {
  useEffect(() => {
    if (!dirty) return;
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
      ask(() => {
        location.href = link.href;
      });
    };
    addEventListener('beforeunload', onBeforeUnload);
    // Capture: decided before the link's own navigation.
    document.addEventListener('click', onClick, true);
    return () => {
      removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty, ask]);
}
