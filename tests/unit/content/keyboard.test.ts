import { expect, it } from 'vitest';
import { isStepKey } from '../../../src/content/keyboard';

it('Alt+Shift+J / K by physical key', () => {
  const e = { altKey: true, shiftKey: true, ctrlKey: false, metaKey: false };
  expect(isStepKey({ ...e, code: 'KeyJ' })).toBe(1);
  expect(isStepKey({ ...e, code: 'KeyK' })).toBe(-1);
  expect(isStepKey({ ...e, ctrlKey: true, code: 'KeyJ' })).toBe(0);
});
