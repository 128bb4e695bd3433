// The sitting's picture cache against a fake server and a fake browser: one
// fetch per picture however often it is shown, no failure kept, and every URL
// it made revoked when the sitting ends, even one still on its way.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { PictureCache, SittingEnded, picturesOf, widthInRem, type PictureSource } from '../src/pictures';

// A server whose answers the test releases one by one, and a browser that counts its URLs.
class FakeSource implements PictureSource {
  readonly fetched: string[] = [];
  readonly live = new Set<string>();
  readonly revoked: string[] = [];
  private readonly waiting: { name: string; resolve: (b: Blob) => void; reject: (e: Error) => void }[] = [];
  private made = 0;
  undecodable = new Set<string>();

  fetch(name: string): Promise<Blob> {
    this.fetched.push(name);
    return new Promise((resolve, reject) => this.waiting.push({ name, resolve, reject }));
  }
  createUrl(blob: Blob): string {
    const url = `blob:test/${++this.made}/${blob.type}`;
    this.live.add(url);
    return url;
  }
  revokeUrl(url: string): void {
    assert.ok(this.live.delete(url), `revoked ${url} twice, or one never made`);
    this.revoked.push(url);
  }
  async measure(url: string): Promise<{ width: number; height: number }> {
    if ([...this.undecodable].some((n) => url.endsWith(n))) throw new Error('cannot decode');
    return { width: 720, height: 440 };
  }

  // Answers the oldest request still waiting.
  answer(): void {
    const next = this.waiting.shift();
    assert.ok(next, 'a request is waiting');
    next.resolve(new Blob(['png bytes'], { type: next.name }));
  }
  fail(): void {
    const next = this.waiting.shift();
    assert.ok(next, 'a request is waiting');
    next.reject(new Error('offline'));
  }
  get pending(): number {
    return this.waiting.length;
  }
}

const settle = () => new Promise((r) => setTimeout(r, 0));

test('a picture is fetched once, however many items and screens ask for it', async () => {
  const source = new FakeSource();
  const cache = new PictureCache(source);
  const first = cache.get('a.png');
  const second = cache.get('a.png');
  assert.equal(first, second, 'a second request while the first is on its way shares it');
  assert.equal(source.pending, 1);
  source.answer();
  const picture = await first;
  assert.deepEqual({ width: picture.width, height: picture.height }, { width: 720, height: 440 });
  assert.equal(cache.peek('a.png'), picture, 'ready to show without waiting');
  assert.equal(await cache.get('a.png'), picture);
  assert.deepEqual(source.fetched, ['a.png']);
  assert.equal(cache.peek('b.png'), undefined);
});

test('a failed fetch is not kept: the next request, a retry, fetches again', async () => {
  const source = new FakeSource();
  const cache = new PictureCache(source);
  const failing = cache.get('a.png');
  source.fail();
  await assert.rejects(failing, /offline/);
  assert.equal(cache.peek('a.png'), undefined);
  const retried = cache.get('a.png');
  assert.notEqual(retried, failing);
  source.answer();
  assert.equal((await retried).width, 720);
  assert.deepEqual(source.fetched, ['a.png', 'a.png']);
});

test('a picture the browser cannot decode fails, and its URL is revoked at once', async () => {
  const source = new FakeSource();
  source.undecodable.add('a.png');
  const cache = new PictureCache(source);
  const p = cache.get('a.png');
  source.answer();
  await assert.rejects(p, /cannot decode/);
  assert.equal(source.live.size, 0);
  assert.equal(source.revoked.length, 1);
});

test('the end of the sitting revokes every URL, and one arriving afterwards is revoked too', async () => {
  const source = new FakeSource();
  const cache = new PictureCache(source);
  const a = cache.get('a.png');
  const b = cache.get('b.png');
  source.answer();
  await a;
  cache.clear();
  assert.equal(source.live.size, 0, 'a.png revoked');
  assert.equal(cache.peek('a.png'), undefined);
  source.answer();
  await assert.rejects(b, SittingEnded);
  assert.equal(source.live.size, 0, 'b.png, in flight at the end, never left a URL behind');
  // A new sitting fetches afresh.
  const again = cache.get('a.png');
  source.answer();
  assert.equal((await again).width, 720);
  assert.deepEqual(source.fetched, ['a.png', 'b.png', 'a.png']);
});

test('prefetching starts each fetch once and swallows a failure for the item to retry', async () => {
  const source = new FakeSource();
  const cache = new PictureCache(source);
  cache.prefetch(['a.png', 'b.png', 'a.png']);
  assert.deepEqual(source.fetched, ['a.png', 'b.png']);
  source.answer();
  source.fail();
  await settle();
  assert.ok(cache.peek('a.png'));
  assert.equal(cache.peek('b.png'), undefined);
  cache.get('b.png');
  assert.deepEqual(source.fetched, ['a.png', 'b.png', 'b.png']);
});

test("an item's pictures are its stem's, then its options' in their order", () => {
  const image = (media: string) => ({ media, alt: 'what it shows' });
  assert.deepEqual(picturesOf({ options: [{}, {}] }), []);
  assert.deepEqual(picturesOf({ image: image('s.png'), options: [{ image: image('b.png') }, {}, { image: image('a.png') }] }), [
    's.png',
    'b.png',
    'a.png',
  ]);
});

test('a picture is as wide in rem as it has pixels at 16 px to the rem', () => {
  assert.equal(widthInRem(720), '45rem');
  assert.equal(widthInRem(360), '22.5rem');
});
