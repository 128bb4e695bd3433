// How a page says it is loading, that something went wrong, or that it is not
// the signed-in user's to see (the server said 403 or 404).
import type { ComponentChildren } from 'preact';
import { ApiError, describeError } from '../api';
import { PageHeading } from './page-heading';

export function Loading({ what }: { what: string }) {
  return (
    <p class="loading" role="status">
      Loading {what}…
    </p>
  );
}

// `page`: the problem is the whole page (it gets the page's one h1, named in the tab's title).
export function Problem({ error, title, page }: { error: unknown; title?: string; page?: boolean }) {
  let heading = title ?? 'Something went wrong';
  if (error instanceof ApiError && error.status === 404) heading = 'Not found';
  if (error instanceof ApiError && error.status === 403) heading = 'Not allowed';
  return (
    <div class="problem" role="alert">
      {page ? <PageHeading title={heading} /> : <h2>{heading}</h2>}
      <p>{describeError(error)}</p>
    </div>
  );
}

// Shows the children once loaded, or the loading or error state.
export function Loaded<T>(props: {
  resource: { data: T | null; error: unknown; loading: boolean };
  what: string;
  page?: boolean;
  children: (data: T) => ComponentChildren;
}) {
  const { data, error, loading } = props.resource;
  if (error) return <Problem error={error} page={props.page} />;
  if (data === null || (loading && data === null)) return <Loading what={props.what} />;
  return <>{props.children(data)}</>;
}

export function Notice({ kind, children }: { kind: 'success' | 'error' | 'info'; children: ComponentChildren }) {
  return (
    <div class={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
