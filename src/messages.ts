/**
 * The messages the extension's parts exchange, typed in one place.
 * The background answers every request with a Promise (works natively in Chrome and Firefox).
 */
import { browser } from 'wxt/browser';
import type { PageAnalysis, PageSample } from './engine/analyse';

/** What the background knows about one tab. */
export interface TabState {
  url: string;
  title: string;
  analysis: PageAnalysis;
  /** When the analysis was made (ms since epoch). */
  at: number;
}

export type Request =
  /** Gate → background: this page may be about the topic; inject the highlighter. */
  | { type: 'activate' }
  /** Content script → background: the page passed the gate; analyse its text. */
  | { type: 'analyse'; page: PageSample }
  /** Popup → background: what is known about a tab. */
  | { type: 'tab-state'; tabId: number };

export interface ResponseMap {
  activate: boolean;
  analyse: PageAnalysis;
  'tab-state': TabState | null;
}

export function send<R extends Request>(request: R): Promise<ResponseMap[R['type']]> {
  return browser.runtime.sendMessage(request) as Promise<ResponseMap[R['type']]>;
}

export function isRequest(value: unknown): value is Request {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
