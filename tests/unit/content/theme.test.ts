/** Marks follow the page's theme: what is watched, and when the marks are re-toned. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { followTheme, THEME_SETTLE_MS } from '../../../src/content/theme';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.documentElement.className = '';
  document.body.className = '';
  document.body.innerHTML = '';
});

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const settle = () => new Promise((resolve) => setTimeout(resolve, THEME_SETTLE_MS + 50));

describe('following the page theme', () => {
  it('re-tones on the next frame after <html> or <body> changes, and once more when it has settled', async () => {
    const owner = new AbortController();
    const retone = vi.fn();
    followTheme(owner, document, retone);
    document.documentElement.classList.add('dark');
    document.body.setAttribute('data-theme', 'dark'); // same burst: one frame, one settle
    await Promise.resolve(); // the observer's records
    await frame();
    expect(retone).toHaveBeenCalledTimes(1);
    await settle();
    expect(retone).toHaveBeenCalledTimes(2);
    owner.abort();
  });

  it('costs nothing while the theme stays: changes inside the body are not watched', async () => {
    const owner = new AbortController();
    const retone = vi.fn();
    followTheme(owner, document, retone);
    document.body.innerHTML = '<main class="a"><p>text</p></main>';
    document.querySelector('main')!.className = 'dark';
    await Promise.resolve();
    await frame();
    expect(retone).not.toHaveBeenCalled();
    owner.abort();
  });

  it('hears the system colour scheme change', async () => {
    const scheme = new EventTarget();
    vi.spyOn(window, 'matchMedia').mockReturnValue(scheme as MediaQueryList);
    const owner = new AbortController();
    const retone = vi.fn();
    followTheme(owner, document, retone);
    scheme.dispatchEvent(new Event('change'));
    await frame();
    expect(retone).toHaveBeenCalledTimes(1);
    owner.abort();
  });

  it('stops when its owner ends', async () => {
    const scheme = new EventTarget();
    vi.spyOn(window, 'matchMedia').mockReturnValue(scheme as MediaQueryList);
    const owner = new AbortController();
    const retone = vi.fn();
    followTheme(owner, document, retone);
    owner.abort();
    document.documentElement.classList.add('dark');
    scheme.dispatchEvent(new Event('change'));
    await Promise.resolve();
    await frame();
    await settle();
    expect(retone).not.toHaveBeenCalled();
  });
});
