// Text that changes with time alone (a countdown, "last heard 40 s ago"),
// written straight into its own text node once a second by one shared timer.
// A room of 300 running clocks then costs 300 text updates a second, not 300
// rows re-rendered: the rows themselves redraw only when their data changes.
import { useEffect, useRef } from 'preact/hooks';

type Listener = (nowMs: number) => void;
const listeners = new Set<Listener>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(l: Listener): () => void {
  listeners.add(l);
  if (timer === null) {
    timer = setInterval(() => {
      const now = Date.now();
      for (const each of listeners) each(now);
    }, 1000);
  }
  return () => {
    listeners.delete(l);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

// `text(nowMs)` gives the text for this browser's time now; `ticks` says
// whether it changes at all (a finished row's does not).
export function TickingText(props: { text: (localNowMs: number) => string; ticks: boolean }) {
  const ref = useRef<HTMLSpanElement>(null);
  const text = useRef(props.text);
  text.current = props.text;
  const initial = props.text(Date.now());
  useEffect(() => {
    if (!props.ticks) return undefined;
    return subscribe((now) => {
      const el = ref.current;
      if (!el) return;
      const next = text.current(now);
      // Change the text node Preact rendered, never replace it: Preact's
      // next render then still writes to the node on the screen.
      const node = el.firstChild;
      if (node instanceof Text) {
        if (node.data !== next) node.data = next;
      } else if (el.textContent !== next) {
        el.textContent = next;
      }
    });
  }, [props.ticks]);
  // Preact keeps the span; the timer changes only its text.
  return <span ref={ref}>{initial}</span>;
}
