// Paths under /staff/ with the history API, so every page has an address
// staff can bookmark, reload or type (the server answers every /staff/ path
// with the console, and every permission is checked by the API, not here).
import { useEffect, useState } from 'preact/hooks';

export const base = '/staff';

export interface Location {
  path: string; // without the /staff prefix, always starting with "/"
  query: URLSearchParams;
}

function current(): Location {
  let path = location.pathname.startsWith(base) ? location.pathname.slice(base.length) : location.pathname;
  if (path === '') path = '/';
  return { path, query: new URLSearchParams(location.search) };
}

const listeners = new Set<() => void>();
window.addEventListener('popstate', () => listeners.forEach((l) => l()));

export function href(path: string): string {
  return base + path;
}

export function navigate(path: string, replace = false): void {
  const target = href(path);
  if (target === location.pathname + location.search) return;
  if (replace) history.replaceState(null, '', target);
  else history.pushState(null, '', target);
  listeners.forEach((l) => l());
}

export function useLocation(): Location {
  const [loc, setLoc] = useState(current);
  useEffect(() => {
    const l = () => setLoc(current());
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  }, []);
  return loc;
}

// Matches "/sessions/:id/room" against a path; the named parts, or null.
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = (pattern.replace(/\/+$/, '') || '/').split('/');
  const s = (path.replace(/\/+$/, '') || '/').split('/');
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const part = p[i]!;
    const value = s[i]!;
    if (part.startsWith(':')) {
      if (value === '') return null;
      params[part.slice(1)] = decodeURIComponent(value);
    } else if (part !== value) {
      return null;
    }
  }
  return params;
}

// Follows a same-origin link inside the console without reloading the page.
export function followLink(event: MouseEvent, path: string): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  event.preventDefault();
  navigate(path);
}
