// A page's heading: names the page in the tab's title and takes focus when
// the page opens, so a screen reader announces where staff now are.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export function PageHeading(props: { title: string; children?: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${props.title}: staff console`;
  }, [props.title]);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} class="page-heading">
      {props.children ?? props.title}
    </h1>
  );
}

