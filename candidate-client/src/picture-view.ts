// One picture of an item on screen: the image at its own size (growing with the
// text size, never wider than its column); while it loads, a placeholder in its
// place; and when it cannot load, its alt text in a visible box with a button to
// try again, never a broken image. The box and the image have the same
// accessible name (the alt text), so an option that is a picture alone is named
// the same whether or not its picture arrived, and answering never waits for it.
import type { Api, ItemImage } from './api';
import { clear, h } from './dom';
import { PictureCache, SittingEnded, widthInRem, type Picture, type PictureSource } from './pictures';

export interface PictureView {
  // Where the picture shows: a span, so it may sit inside an option's label.
  picture: HTMLElement;
  // Shown only when the picture failed. A button may not sit inside a label, so
  // the caller places it: after the picture for the stem, after the label for an option.
  retry: HTMLButtonElement;
}

// What the cache needs from the browser: fetches with the API's token, blob: URLs, and decoding.
export function browserPictureSource(api: Api): PictureSource {
  return {
    fetch: (name) => api.picture(name),
    createUrl: (blob) => URL.createObjectURL(blob),
    revokeUrl: (url) => URL.revokeObjectURL(url),
    measure: async (url) => {
      const img = new Image();
      img.src = url;
      await img.decode();
      return { width: img.naturalWidth, height: img.naturalHeight };
    },
  };
}

// `kind` sizes the placeholder for a stem's picture or an option's. When a retry
// succeeds its button goes, so the focus moves to `focusAfterRetry` (an option's
// input), or else to the picture itself, focusable by script for that alone.
export function pictureView(cache: PictureCache, image: ItemImage, id: string, kind: 'stem' | 'option', focusAfterRetry?: HTMLElement): PictureView {
  const picture = h('span', { class: `picture picture-${kind}`, id, tabindex: focusAfterRetry ? null : '-1' });
  const retry = h('button', { type: 'button', class: 'picture-retry', hidden: true, 'aria-describedby': id }, 'Try the picture again');

  let busy = false;

  const shown = (p: Picture) => {
    const img = h('img', { alt: image.alt, src: p.url, width: p.width, height: p.height });
    // Through the CSSOM, which the page's CSP allows (an inline style attribute it would refuse).
    img.style.width = widthInRem(p.width);
    clear(picture);
    picture.dataset['state'] = 'shown';
    picture.append(img);
    retry.hidden = true;
  };
  const loading = () => {
    clear(picture);
    picture.dataset['state'] = 'loading';
    // The alt text stays the name while the picture is on its way.
    picture.append(h('span', { class: 'picture-note', 'aria-hidden': 'true' }, 'Loading the picture…'), h('span', { class: 'visually-hidden' }, image.alt));
  };
  const failed = () => {
    clear(picture);
    picture.dataset['state'] = 'failed';
    picture.append(
      h('span', { class: 'picture-note', 'aria-hidden': 'true' }, 'The picture did not load. It shows:'),
      h('span', { class: 'picture-alt' }, image.alt),
    );
    retry.hidden = false;
  };
  const load = () => {
    busy = true;
    cache.get(image.media).then(
      (p) => {
        busy = false;
        retry.removeAttribute('aria-disabled');
        const hadFocus = document.activeElement === retry;
        shown(p);
        if (hadFocus) (focusAfterRetry ?? picture).focus();
      },
      (e: unknown) => {
        busy = false;
        retry.removeAttribute('aria-disabled');
        if (!(e instanceof SittingEnded)) failed();
      },
    );
  };

  // Not disabled while it tries (a disabled button would drop the focus): it just waits.
  retry.addEventListener('click', () => {
    if (busy) return;
    retry.setAttribute('aria-disabled', 'true');
    loading();
    load();
  });

  const ready = cache.peek(image.media);
  if (ready) {
    shown(ready);
  } else {
    loading();
    load();
  }
  return { picture, retry };
}
