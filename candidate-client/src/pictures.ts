// The pictures of a sitting, without the DOM: each fetched once with the
// candidate's token (GET /api/v1/attempt/media/{name}; the token never goes in
// a URL, so an <img> cannot fetch it itself) and kept as a blob: URL with its
// size in pixels until the sitting ends, so moving between items neither
// fetches nor decodes a picture twice, and a picture shown again takes its
// place at once. A failed fetch is not kept: the next request tries again.
import type { ItemImage } from './api';

export interface Picture {
  url: string;
  width: number;
  height: number;
}

// What the cache needs from the browser; tests give their own.
export interface PictureSource {
  fetch(name: string): Promise<Blob>;
  createUrl(blob: Blob): string;
  revokeUrl(url: string): void;
  // The picture's size once the browser has decoded it; rejects when it cannot decode it.
  measure(url: string): Promise<{ width: number; height: number }>;
}

export class SittingEnded extends Error {}

export class PictureCache {
  private readonly loading = new Map<string, Promise<Picture>>();
  private readonly ready = new Map<string, Picture>();
  // Counts clear()s, so a fetch that was in flight when the sitting ended revokes its own URL.
  private generation = 0;

  constructor(private readonly source: PictureSource) {}

  // The picture if it is already here, to show it without a placeholder.
  peek(name: string): Picture | undefined {
    return this.ready.get(name);
  }

  get(name: string): Promise<Picture> {
    const known = this.loading.get(name);
    if (known) return known;
    const load = this.load(name, this.generation);
    this.loading.set(name, load);
    load.catch(() => {
      if (this.loading.get(name) === load) this.loading.delete(name);
    });
    return load;
  }

  // Starts loading pictures about to be needed; a failure waits for the item to ask again.
  prefetch(names: readonly string[]): void {
    for (const name of names) this.get(name).catch(() => undefined);
  }

  // The sitting is over (finished, or the log-in ended): every URL is revoked.
  clear(): void {
    this.generation += 1;
    for (const picture of this.ready.values()) this.source.revokeUrl(picture.url);
    this.ready.clear();
    this.loading.clear();
  }

  private async load(name: string, generation: number): Promise<Picture> {
    const blob = await this.source.fetch(name);
    if (generation !== this.generation) throw new SittingEnded('the sitting has ended');
    const url = this.source.createUrl(blob);
    try {
      const size = await this.source.measure(url);
      if (generation !== this.generation) throw new SittingEnded('the sitting has ended');
      const picture = { url, width: size.width, height: size.height };
      this.ready.set(name, picture);
      return picture;
    } catch (e) {
      this.source.revokeUrl(url);
      throw e;
    }
  }
}

// The pictures an item shows: its stem's, then its options' in order.
export function picturesOf(item: { image?: ItemImage; options: readonly { image?: ItemImage }[] }): string[] {
  const names: string[] = [];
  if (item.image) names.push(item.image.media);
  for (const o of item.options) if (o.image) names.push(o.image.media);
  return names;
}

// A picture's width in rem: its own pixels at the default text size, larger
// with a larger text size (rem follows the candidate's setting), as the text
// around it grows; the stylesheet keeps it within its column.
export function widthInRem(pixels: number): string {
  return `${pixels / 16}rem`;
}
