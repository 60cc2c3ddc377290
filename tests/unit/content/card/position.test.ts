import { expect, it } from 'vitest';
import { placeCard, unionOf } from '../../../../src/content/card/position';

it('sits below the quote lines when it fits, above otherwise, never over them', () => {
  const anchor = unionOf([
    { top: 100, left: 50, width: 300, height: 20 },
    { top: 120, left: 10, width: 200, height: 20 },
  ])!;
  expect(anchor).toEqual({ top: 100, left: 10, width: 340, height: 40 });
  const below = placeCard(anchor, { width: 360, height: 200 }, { width: 1000, height: 800 });
  expect(below.side).toBe('below');
  expect(below.top).toBeGreaterThanOrEqual(140);
  const above = placeCard({ top: 700, left: 10, width: 100, height: 40 }, { width: 360, height: 200 }, { width: 1000, height: 800 });
  expect(above.side).toBe('above');
  expect(above.top + 200).toBeLessThanOrEqual(700);
});
