// A page whose code is fetched the first time it is shown: the console's
// entry holds only sign-in and the frame, so the room view loads without the
// centre's pages, and the other way round.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Loading, Problem } from './status';

export function lazyPage<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const fetchOnce = () => (pending ??= load().then((m) => (loaded = m.default)));
  return function LazyPage(props: P) {
    const [Page, setPage] = useState<ComponentType<P> | null>(() => loaded);
    const [error, setError] = useState<unknown>(null);
    useEffect(() => {
      if (Page) return;
      fetchOnce().then(
        (p) => setPage(() => p),
        (e) => {
          pending = null;
          setError(e);
        },
      );
    }, []);
    if (error) return <Problem error={error} title="This page could not be loaded" page />;
    if (!Page) return <Loading what="the page" />;
    return <Page {...props} />;
  };
}
