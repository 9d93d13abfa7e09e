import { createElement, Suspense } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { lazyComponent } from './lazy-component';

function Greeting({ name }: { name: string }) {
  return createElement('p', null, `您好，${name}`);
}

/** What a synchronous render shows: the page, or the fallback if the page had to wait. */
function render(Page: ReturnType<typeof lazyComponent<{ name: string }>>) {
  return renderToStaticMarkup(
    createElement(Suspense, { fallback: '加载中…' }, createElement(Page, { name: '林晓燕' })),
  );
}

describe('lazyComponent', () => {
  it('waits for a component not fetched yet', () => {
    const Page = lazyComponent(() => Promise.resolve(Greeting));
    expect(render(Page)).toBe('加载中…');
  });

  it('renders a preloaded component at once, with its props', async () => {
    const Page = lazyComponent(() => Promise.resolve(Greeting));
    await Page.preload();
    expect(render(Page)).toBe('<p>您好，林晓燕</p>');
  });

  it('fetches once however often it is preloaded', async () => {
    const load = vi.fn(() => Promise.resolve(Greeting));
    const Page = lazyComponent(load);
    await Promise.all([Page.preload(), Page.preload()]);
    await Page.preload();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('fetches again after a failed fetch', async () => {
    const load = vi
      .fn<() => Promise<typeof Greeting>>()
      .mockRejectedValueOnce(new Error('chunk missing'))
      .mockResolvedValueOnce(Greeting);
    const Page = lazyComponent(load);
    await expect(Page.preload()).rejects.toThrow('chunk missing');
    await Page.preload();
    expect(render(Page)).toBe('<p>您好，林晓燕</p>');
  });
});
