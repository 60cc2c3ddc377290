/** A tab whose address Chrome hides: a file (or blank page) told apart from Chrome's own pages by the refusal. */
import { describe, expect, it } from 'vitest';
import { hiddenPage } from '../../../src/popup/hidden-page';

const refused = (message: string) => () => Promise.reject(new Error(message));

describe('hiddenPage', () => {
  it('Chromium\'s refusals (156): a file\'s page is "contents of the page", its own pages are chrome:// URLs', async () => {
    expect(
      await hiddenPage(
        1,
        refused('Cannot access contents of the page. Extension manifest must request permission to access the respective host.'),
      ),
    ).toBe('maybe-file');
    expect(await hiddenPage(1, refused('Cannot access a chrome:// URL'))).toBe('browser');
    expect(await hiddenPage(1, refused('Cannot access a chrome-extension:// URL of different extension'))).toBe('browser');
    expect(await hiddenPage(1, () => Promise.resolve([]))).toBe('browser');
  });
});
