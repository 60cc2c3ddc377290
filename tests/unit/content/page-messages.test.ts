/** The highlighter's messages: analysis requests with retries, page updates, and answers to the tab's requests. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Request } from '../../../src/shared/messages';

const sent: Request[] = [];
/** What the next `send` calls do: answer, or fail (a worker that is starting drops a message). */
let replies: ('fail' | unknown)[] = [];

vi.mock('../../../src/shared/messages', async (original) => ({
  ...(await original<typeof import('../../../src/shared/messages')>()),
  send: vi.fn(async (request: Request) => {
    sent.push(request);
    const reply = replies.shift();
    if (reply === 'fail') throw new Error('Could not establish connection');
    return reply;
  }),
}));

const { answerTabRequests, pageSample, reportQuotes, requestAnalysis } = await import('../../../src/content/page-messages');

let owner: AbortController;
beforeEach(() => {
  sent.length = 0;
  replies = [];
  owner = new AbortController();
  vi.useFakeTimers();
});
afterEach(() => {
  owner.abort();
  vi.useRealTimers();
  fakeBrowser.reset();
});

const page = { url: 'http://127.0.0.1/a', title: 'Mad Men', headline: 'Mad Men', text: 'text' };
const analysis = { quotes: [{ start: 0, end: 4, group: 'g' }], engineMs: 1 };

describe('requestAnalysis', () => {
  it('sends the page once when the background answers', async () => {
    replies = [analysis];
    await expect(requestAnalysis(owner, page)).resolves.toEqual(analysis);
    expect(sent).toEqual([{ type: 'analyse', page }]);
  });

  it('sends again after 250 ms and then 1 s when the message fails', async () => {
    replies = ['fail', 'fail', analysis];
    const t0 = performance.now();
    const sentAt: number[] = [];
    const answer = requestAnalysis(owner, page);
    for (let i = 0; i < 3; i++) {
      await vi.waitFor(() => expect(sent.length).toBeGreaterThan(i), { interval: 0 });
      sentAt.push(performance.now() - t0);
      await vi.advanceTimersToNextTimerAsync();
    }
    await expect(answer).resolves.toEqual(analysis);
    expect(sentAt).toEqual([0, 250, 1250]);
  });

  it('gives up (null) after three failures, and at once when the highlighter ended', async () => {
    replies = ['fail', 'fail', 'fail', analysis];
    const answer = requestAnalysis(owner, page);
    await vi.runAllTimersAsync();
    await expect(answer).resolves.toBeNull();
    expect(sent).toHaveLength(3);

    sent.length = 0;
    replies = ['fail', analysis];
    const ended = requestAnalysis(owner, page);
    await vi.waitFor(() => expect(sent).toHaveLength(1), { interval: 0 });
    owner.abort();
    await vi.runAllTimersAsync();
    // The waiting timer went with the owner: the request never finishes and never sends again.
    let settled = false;
    void ended.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(5000);
    expect(settled).toBe(false);
    expect(sent).toHaveLength(1);
  });
});

describe('pageSample', () => {
  it('carries the address, title, first headline (trimmed) and the text', () => {
    document.title = 'Mad Men at 15';
    document.body.innerHTML = '<h1>  Moss on Peggy \n</h1><h1>second</h1>';
    expect(pageSample(document, 'the text')).toEqual({
      url: location.href,
      title: 'Mad Men at 15',
      headline: 'Moss on Peggy',
      text: 'the text',
    });
  });
});

describe('reportQuotes', () => {
  it('sends a page-update with timings only when a pass has them, and never throws when the background is gone', async () => {
    const quotes = [{ start: 0, end: 4, group: 'g' }];
    const timings = { extract: 1, analyse: 2, mark: 3, chars: 4 };
    replies = ['fail', undefined];
    reportQuotes(quotes, timings);
    reportQuotes(quotes);
    await vi.waitFor(() => expect(sent).toHaveLength(2), { interval: 0 });
    expect(sent[0]).toStrictEqual({ type: 'page-update', quotes, timings });
    expect(sent[1]).toStrictEqual({ type: 'page-update', quotes });
  });
});

describe('answerTabRequests', () => {
  it('answers refresh, reveal, navigated and step, leaves other messages to other listeners, and stops with its owner', async () => {
    const calls: string[] = [];
    answerTabRequests(owner, {
      refresh: async () => void calls.push('refresh'),
      reveal: (group, index) => (calls.push(`reveal ${group} ${index}`), group === 'g'),
      navigated: () => void calls.push('navigated'),
      step: (direction) => void calls.push(`step ${direction}`),
    });
    const ask = async (message: unknown): Promise<unknown> =>
      ((await fakeBrowser.runtime.onMessage.trigger(message, {}, () => undefined)) as unknown[])[0];
    expect(await ask({ type: 'refresh' })).toBe(true);
    expect(await ask({ type: 'reveal', group: 'g' })).toBe(true);
    expect(await ask({ type: 'reveal', group: 'h', index: 2 })).toBe(false);
    expect(await ask({ type: 'navigated', url: 'http://127.0.0.1/b' })).toBe(true);
    expect(await ask({ type: 'step', direction: -1 })).toBe(true);
    expect(await ask({ type: 'step', direction: 5 })).toBeUndefined();
    expect(await ask({ type: 'ping' })).toBeUndefined();
    expect(await ask(null)).toBeUndefined();
    expect(calls).toEqual(['refresh', 'reveal g 0', 'reveal h 2', 'navigated', 'step -1']);
    owner.abort();
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(false);
  });
});
