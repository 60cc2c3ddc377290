/** An article quoting a line more than once: counted per document, said in the reader's words. */
import { beforeEach, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { repeatedNote, wordingsPerDocument } from '../../../src/shared/repeated-quotes';
import { stubI18n } from './i18n-stub';

beforeEach(() => {
  fakeBrowser.reset();
  stubI18n();
});

it('counts wordings per document, not per outlet name, and names twice and more', () => {
  const times = wordingsPerDocument([{ document: 'slashfilm' }, { document: 'nme' }, { document: 'slashfilm' }, { document: 'nme-2' }]);
  expect([...times]).toEqual([
    ['slashfilm', 2],
    ['nme', 1],
    ['nme-2', 1],
  ]);
  expect(repeatedNote(2)).toBe('quotes this line twice');
  expect(repeatedNote(3)).toBe('quotes this line 3 times');
});
