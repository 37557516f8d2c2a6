import { lazy, type ComponentType } from 'react';

const RELOAD_FLAG = 'tuanwu.chunkReload';

/**
 * React.lazy for a route. After a new release the old chunk names are gone, so a failed import
 * reloads the page once to fetch the new index.html instead of leaving a blank screen.
 */
export function lazyPage<T extends ComponentType>(load: () => Promise<{ default: T }>) {
  return lazy(async () => {
    try {
      const page = await load();
      sessionStorage.removeItem(RELOAD_FLAG);
      return page;
    } catch (err) {
      if (!sessionStorage.getItem(RELOAD_FLAG)) {
        sessionStorage.setItem(RELOAD_FLAG, '1');
        window.location.reload();
        return new Promise<never>(() => undefined);
      }
      throw err;
    }
  });
}
