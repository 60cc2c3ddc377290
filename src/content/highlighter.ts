/**
 * Runs on pages that passed the gate: reads the visible text, asks the background to analyse it,
 * and highlights what came back.
 */
import { buildTextMap } from '../dom/text-map';
import type { PageSample } from '../engine/analyse';
import { send } from '../messages';
import { highlight, unhighlight } from './highlight';

function sample(doc: Document, text: string): PageSample {
  return {
    url: doc.location.href,
    title: doc.title,
    headline: doc.querySelector('h1')?.textContent?.trim() ?? '',
    text,
  };
}

export async function runHighlighter(doc: Document = document): Promise<void> {
  const root = doc.body;
  if (!root) return;
  unhighlight(root);
  const map = buildTextMap(root);
  const analysis = await send({ type: 'analyse', page: sample(doc, map.text) });
  highlight(root, map, analysis.quotes);
}
