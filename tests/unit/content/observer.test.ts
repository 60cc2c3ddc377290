import { describe, expect, it } from 'vitest';
import { classifyRecords, INSPECT_LIMIT } from '../../../src/content/observer';

describe('mutation triage', () => {
  const added = (node: Node) =>
    ({ type: 'childList', addedNodes: [node], removedNodes: [], target: document.body }) as unknown as MutationRecord;
  it('ignores small text edits and script insertions, notices article text and removed marks', () => {
    const p = document.createElement('p');
    p.textContent = 'A long enough paragraph of new article text arrived.';
    const script = document.createElement('script');
    script.textContent = 'x'.repeat(100);
    const clock = {
      type: 'characterData',
      target: document.createTextNode('12:01'),
      oldValue: '12:00',
      addedNodes: [],
      removedNodes: [],
    } as unknown as MutationRecord;
    expect(classifyRecords([clock, added(script)]).added).toBe(false);
    expect(classifyRecords([added(p)]).added).toBe(true);
    const holder = document.createElement('div');
    holder.innerHTML = '<mark class="verbatim-quote" data-verbatim-group="g">q</mark>';
    const removed = { type: 'childList', addedNodes: [], removedNodes: [holder], target: document.body } as unknown as MutationRecord;
    expect(classifyRecords([removed]).removedMarks).toBe(true);
  });
  it('treats a burst past the limit as one full rescan without inspecting it', () => {
    const burst = Array.from({ length: INSPECT_LIMIT + 1 }, () => ({ type: 'attributes' }) as unknown as MutationRecord);
    expect(classifyRecords(burst)).toMatchObject({ added: true, removedMarks: true });
  });
});
