// The bank's safe text (paragraphs of runs, some strong or emphasised, some
// after a line break) as DOM nodes. Text only: markup in a run stays visible
// as the characters it is.
import type { SafeText } from './api';
import { h } from './dom';

// `block` is the element for one paragraph: "p" in normal flow, "span" (shown
// as a block by CSS) inside a legend or label, which take phrasing content only.
export function renderSafeText(text: SafeText, block: 'p' | 'span'): Node {
  const fragment = document.createDocumentFragment();
  for (const paragraph of text) {
    const el = h(block, { class: 'para' });
    for (const run of paragraph) {
      if (run.break) el.appendChild(h('br'));
      let node: Node = document.createTextNode(run.text);
      if (run.emphasis) node = h('em', {}, node);
      if (run.strong) node = h('strong', {}, node);
      el.appendChild(node);
    }
    fragment.appendChild(el);
  }
  return fragment;
}

export function plainText(text: SafeText): string {
  return text.map((p) => p.map((r) => r.text).join('')).join(' ');
}
