/**
 * Saved HTML pages → the text a browser would show, for the CLI and the build.
 * Uses happy-dom (a real DOM with CSS cascade) and the extension's own text walker,
 * so the CLI sees a page exactly as the content script does.
 */
import { Window } from 'happy-dom';
import { buildTextMap } from '../dom/text-map';

export interface HtmlPage {
  title: string;
  /** The first <h1>, when there is one. */
  headline: string;
  text: string;
}

/** Parses `html` without running its scripts or loading anything it references. */
export function parseHtml(html: string): Window {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: false,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
        disableFallbackToSetURL: true,
      },
    },
  });
  window.document.write(html);
  return window;
}

export function htmlToPage(html: string): HtmlPage {
  const window = parseHtml(html);
  try {
    const { document } = window;
    const body = document.body;
    const text = body ? buildTextMap(body as unknown as Element).text : '';
    return {
      title: (document.title ?? '').trim(),
      headline: (document.querySelector('h1')?.textContent ?? '').trim(),
      text,
    };
  } finally {
    void window.happyDOM.close();
  }
}

export function htmlToText(html: string): string {
  return htmlToPage(html).text;
}
