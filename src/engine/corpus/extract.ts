/**
 * Finds quoted spans in an article text and decides which of them are utterances (someone's
 * words) rather than titles or scare quotes.
 *
 * Quote marks are paired per paragraph (a paragraph is a non-blank line):
 * - “ ” are unambiguous; a straight " opens after space/start and closes before space/punctuation.
 * - ‘ opens a single quote; ’ closes one only when a ‘ is open and ’ is followed by a non-letter,
 *   so didn’t, Moss’ co-star and ’50s stay apostrophes. Straight ' works the same way, and never
 *   opens before a digit ('60s) or a known elision ('til, 'cause).
 * - A single quote still open at the end of its paragraph was an apostrophe: it is dropped.
 * - A double quote still open at the end of its paragraph runs to the paragraph's end. If the next
 *   paragraph starts with an opening mark, that quote `continues` it (the multi-paragraph convention).
 * Quotes inside quotes (‘Lavender Haze’ inside “…”) are kept with depth 1; they are part of the
 * outer utterance, never utterances of their own.
 */
import { tokenize } from '../normalize';
import { SPEECH_VERBS } from './names';

const SPEECH_VERB = new RegExp(`\\b(?:${SPEECH_VERBS})\\b`, 'u');

export type QuoteMark = 'curly-double' | 'straight-double' | 'curly-single' | 'straight-single';

/** A non-blank line of the text. */
export interface Paragraph {
  index: number;
  start: number;
  end: number;
}

/** What stands between a pair of quotation marks in an article (not where a matched quote sits on a page: that is `QuoteSpan`, src/shared/messages.ts). */
export interface QuotedSpan {
  /** UTF-16 offsets of the quoted text, marks and surrounding white space excluded. */
  start: number;
  end: number;
  /** Offset of the opening mark; of the closing mark, or null when the quote never closes. */
  open: number;
  close: number | null;
  mark: QuoteMark;
  /** 0 for a top-level quote, 1 for a quote inside a quote, … */
  depth: number;
  paragraph: number;
  /** Carries on the previous paragraph's unclosed quote (multi-paragraph quote). */
  continues: boolean;
  /** The quote is all there is on its line: a headline, standfirst or subhead. */
  standalone: boolean;
}

/** What a quoted span is, on its own. `candidate`: too short to tell without the rest of the corpus. */
export type SpanRole = 'utterance' | 'candidate' | 'title' | 'nested';

export interface Quote extends QuotedSpan {
  text: string;
  /** `partial`: a short quote kept because it repeats words of an utterance found elsewhere. */
  role: 'utterance' | 'partial';
}

/** Spans of at least this many words are utterances unless they look like a title. */
export const UTTERANCE_MIN_WORDS = 5;
/** Shorter spans need the corpus pass: they count only if all their words appear, in order, in an utterance. */
export const PARTIAL_MIN_WORDS = 3;
/**
 * Title-case spans up to this long are taken for titles ("Blade of Grass", "The Handmaid’s Tale",
 * "I’d Like to Teach the World to Sing"): speech is rarely quoted with every longer word capitalised.
 */
const TITLE_MAX_WORDS = 12;

const ELISIONS = /^(?:em|til|cause|n|tis|twas|bout|round|cos|kay)\b/i;

export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    const end = start + line.length;
    if (line.trim()) out.push({ index: out.length, start, end });
    start = end + 1;
  }
  return out;
}

interface Open {
  mark: QuoteMark;
  at: number;
}

/** Every quoted span of the text, in order of their opening marks. */
export function findQuotedSpans(text: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  let unclosedBefore = false;
  for (const p of paragraphs(text)) {
    const found = scanParagraph(text, p);
    const first = found.spans[0];
    if (unclosedBefore && first && first.depth === 0 && first.open === firstNonSpace(text, p)) first.continues = true;
    unclosedBefore = found.unclosed;
    spans.push(...found.spans);
  }
  return spans.sort((a, b) => a.open - b.open);
}

function firstNonSpace(text: string, p: Paragraph): number {
  let i = p.start;
  while (i < p.end && /\s/.test(text[i]!)) i++;
  return i;
}

/** Pairs the marks of one paragraph with a stack. `unclosed`: a top-level double quote ran off its end. */
function scanParagraph(text: string, p: Paragraph): { spans: QuotedSpan[]; unclosed: boolean } {
  const spans: QuotedSpan[] = [];
  const stack: Open[] = [];
  const close = (index: number, at: number | null, endAt: number): void => {
    const open = stack[index]!;
    stack.length = index; // marks opened inside and never closed were apostrophes
    spans.push(makeSpan(text, p, open, at, endAt, index));
  };
  for (let i = p.start; i < p.end; i++) {
    const c = text[i]!;
    const prev = i > p.start ? text[i - 1]! : ' ';
    const next = i + 1 < p.end ? text[i + 1]! : ' ';
    const action = markAction(c, prev, next, stack, text, i, p.end);
    if (action === 'open') {
      if (isDouble(markOf(c)) && stack.some((o) => isDouble(o.mark))) {
        // A new opening double while one is open: the earlier quote never closed.
        close(
          stack.findIndex((o) => isDouble(o.mark)),
          null,
          i,
        );
      }
      stack.push({ mark: markOf(c), at: i });
    } else if (action !== null) {
      close(action, i, i);
    }
  }
  const firstDouble = stack.findIndex((o) => isDouble(o.mark));
  const unclosed = firstDouble === 0;
  if (firstDouble >= 0) close(firstDouble, null, p.end);
  // Spans were pushed as they closed (inner first); callers want them by opening mark.
  return { spans: spans.sort((a, b) => a.open - b.open), unclosed };
}

/** 'open', the stack index of the quote this mark closes, or null for an apostrophe / stray mark. */
function markAction(c: string, prev: string, next: string, stack: Open[], text: string, i: number, end: number): 'open' | number | null {
  const opensHere = isOpeningContext(prev);
  switch (c) {
    case '\u201C':
      return 'open';
    case '\u201D':
      return innermost(stack, isDouble);
    case '"': {
      const openAt = innermost(stack, (m) => m === 'straight-double');
      if (openAt !== null && (!/\s/.test(prev) || !isWordChar(next))) return openAt;
      return opensHere && !/\s/.test(next) ? 'open' : null;
    }
    case '\u2018':
      return !isWordChar(prev) ? 'open' : null;
    case '\u2019':
      return closesSingle(stack, 'curly-single', prev, next);
    case "'": {
      const closes = closesSingle(stack, 'straight-single', prev, next);
      if (closes !== null) return closes;
      const rest = text.slice(i + 1, Math.min(end, i + 8));
      return opensHere && /\p{L}/u.test(next) && !ELISIONS.test(rest) ? 'open' : null;
    }
    default:
      return null;
  }
}

function closesSingle(stack: Open[], mark: QuoteMark, prev: string, next: string): number | null {
  const openAt = innermost(stack, (m) => m === mark);
  return openAt !== null && !/\s/.test(prev) && !isWordChar(next) ? openAt : null;
}

function innermost(stack: Open[], test: (mark: QuoteMark) => boolean): number | null {
  for (let k = stack.length - 1; k >= 0; k--) if (test(stack[k]!.mark)) return k;
  return null;
}

function makeSpan(text: string, p: Paragraph, open: Open, closeAt: number | null, endAt: number, depth: number): QuotedSpan {
  let start = open.at + 1;
  let end = endAt;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  const outerEnd = closeAt === null ? end : closeAt + 1;
  const line = text.slice(p.start, p.end).trim();
  return {
    start,
    end,
    open: open.at,
    close: closeAt,
    mark: open.mark,
    depth,
    paragraph: p.index,
    continues: false,
    standalone: depth === 0 && line === text.slice(open.at, outerEnd).trim(),
  };
}

function markOf(c: string): QuoteMark {
  if (c === '"') return 'straight-double';
  if (c === "'") return 'straight-single';
  return c === '\u2018' ? 'curly-single' : 'curly-double';
}

function isDouble(mark: QuoteMark): boolean {
  return mark === 'curly-double' || mark === 'straight-double';
}

function isWordChar(c: string): boolean {
  return /[\p{L}\p{N}]/u.test(c);
}

/** An opening mark follows white space, a bracket, a dash, a slash or another opening mark. */
function isOpeningContext(prev: string): boolean {
  return /[\s([{\u2014\u2013\-/\u201C\u2018"':]/.test(prev);
}

/**
 * First-pass role of a span, from its own words only.
 * - nested → part of the enclosing quote;
 * - fewer than PARTIAL_MIN_WORDS words → title or scare quote (“real”, ‘Midnights’, “Mad Men”);
 * - title case and short, with no sentence inside → title ("Blade of Grass");
 * - UTTERANCE_MIN_WORDS words or more → utterance; in between → candidate for the corpus pass.
 */
export function spanRole(text: string, span: QuotedSpan): SpanRole {
  if (span.depth > 0) return 'nested';
  const body = text.slice(span.start, span.end);
  const words = tokenize(body).map((t) => body.slice(t.start, t.end));
  if (words.length < PARTIAL_MIN_WORDS) return 'title';
  if (words.length <= TITLE_MAX_WORDS && isTitleCase(words) && !/[.!?]\s/.test(body)) return 'title';
  if (words.length < UTTERANCE_MIN_WORDS || isFragment(text, span, words)) return 'candidate';
  return 'utterance';
}

/**
 * A phrase quoted inside the reporter's own sentence, not speech: it starts in lower case, follows a word
 * of the sentence ("sold as a “very special period piece”", "called the event “a once in a generation
 * reunion”"), holds no sentence of its own, and no speech verb leads to it. A scare quote or a label, or
 * a real fragment of someone's words — which the corpus confirms when another article quotes them whole.
 */
function isFragment(text: string, span: QuotedSpan, words: readonly string[]): boolean {
  if (!/^\p{Ll}/u.test(words[0]!)) return false;
  const body = text.slice(span.start, span.end);
  if (/[.!?,;:]\s*$/.test(body) || /[.!?]\s/.test(body)) return false;
  const lineStart = text.lastIndexOf('\n', span.open - 1) + 1;
  const before = text.slice(lineStart, span.open);
  if (!/[\p{L}\p{N}]\s*$/u.test(before)) return false;
  const sentence = before.slice(Math.max(before.search(/[^.!?]*$/), 0));
  return !SPEECH_VERB.test(sentence);
}

/** Every word of 4+ letters capitalised, and the first word too: how titles are written. */
function isTitleCase(words: string[]): boolean {
  const capital = (w: string): boolean => /^[\p{Lu}\p{N}]/u.test(w);
  return capital(words[0]!) && words.every((w) => w.length < 4 || capital(w));
}

/** One document's quotes before the corpus pass: utterances plus the candidates still to confirm. */
export interface DocumentSpans {
  utterances: QuotedSpan[];
  candidates: QuotedSpan[];
}

export function classifySpans(text: string, spans: readonly QuotedSpan[]): DocumentSpans {
  const out: DocumentSpans = { utterances: [], candidates: [] };
  for (const span of spans) {
    const role = spanRole(text, span);
    if (role === 'utterance') out.utterances.push(span);
    else if (role === 'candidate') out.candidates.push(span);
  }
  return out;
}
