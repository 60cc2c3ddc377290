/**
 * Turns a generated page description into real DOM nodes (no HTML strings: the generators' text,
 * `<b>not markup</b>` included, must arrive as text). Planted quote pieces carry `data-planted`.
 */
import type { Block, Piece, Planted } from './arbitraries';

function wrap(doc: Document, tags: string[], content: Node): Node {
  let node = content;
  for (const tag of [...tags].reverse()) {
    const el = doc.createElement(tag);
    if (tag === 'a') el.setAttribute('href', '#x');
    el.appendChild(node);
    node = el;
  }
  return node;
}

function renderPiece(doc: Document, piece: Piece): Node {
  switch (piece.kind) {
    case 'text':
      return doc.createTextNode(piece.text);
    case 'comment':
      return doc.createComment(piece.text);
    case 'inline':
      return wrap(doc, piece.tags, doc.createTextNode(piece.text));
    case 'empty':
      return doc.createTextNode('');
  }
}

/** The quote's pieces, each in its own `<span data-planted=K>` inside any generated inline wrappers. */
function renderPlanted(doc: Document, planted: Planted, key: number): Node[] {
  const words = planted.sentence.split(' ');
  const bounds = [0, ...planted.cuts, words.length];
  const nodes: Node[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const text = words.slice(bounds[i], bounds[i + 1]).join(' ') + (i + 2 < bounds.length ? ' ' : '');
    const span = doc.createElement('span');
    span.setAttribute('data-planted', String(key));
    span.appendChild(doc.createTextNode(text));
    nodes.push(wrap(doc, planted.wrappers[i] ?? [], span));
  }
  return nodes;
}

export interface RenderedPage {
  root: HTMLElement;
  /** data-planted key → expected group. */
  planted: Map<string, string>;
  shadowHosts: { host: Element; text: string }[];
}

export function renderPage(doc: Document, blocks: Block[]): RenderedPage {
  const root = doc.createElement('div');
  const planted = new Map<string, string>();
  const shadowHosts: RenderedPage['shadowHosts'] = [];
  blocks.forEach((block, i) => {
    if (block.kind === 'filler') {
      const el = doc.createElement(block.tag);
      for (const p of block.pieces) el.appendChild(renderPiece(doc, p));
      root.appendChild(el);
    } else if (block.kind === 'quote') {
      const el = doc.createElement(block.tag);
      // Filler around a quote ends a sentence, so the quote starts a new one as it would on a page.
      el.appendChild(doc.createTextNode(block.before ? `${block.before}. “` : '“'));
      for (const n of renderPlanted(doc, block.planted, i)) el.appendChild(n);
      el.appendChild(doc.createTextNode(block.after ? `” ${block.after}.` : '”'));
      planted.set(String(i), block.planted.group);
      root.appendChild(el);
    } else if (block.kind === 'shadow') {
      const host = doc.createElement('div');
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.appendChild(doc.createTextNode(block.text));
      shadowHosts.push({ host, text: block.text });
      root.appendChild(host);
    } else if (block.kind === 'existing-marks') {
      const p = doc.createElement('p');
      const mark = doc.createElement('mark');
      if (block.markjs) mark.setAttribute('data-markjs', 'true');
      mark.appendChild(doc.createTextNode(block.text));
      p.appendChild(mark);
      root.appendChild(p);
    } else {
      const div = doc.createElement('div');
      div.hidden = true;
      div.appendChild(doc.createTextNode(block.text));
      root.appendChild(div);
    }
  });
  return { root, planted, shadowHosts };
}
