/**
 * Who said a quote, and where it was first said, from the words around it.
 *
 * Speaker rules, first that applies wins (a wrong name is worse than none, so anything else → null):
 * 1. continuation — a paragraph continuing the previous paragraph's open quote: same speaker;
 * 2. after — "“…,” Moss said", "“…,” said Hamm", "“…,” the actress explained", "“…,” she said";
 * 3. before — "Moss added: “…”", "…, commented on the Instagram video: “…”" (last person before
 *    the verb when the clause ends with a colon), "According to Moss, …: “…”";
 * 4. same paragraph — a later quote of a paragraph whose earlier quote is attributed, when no other
 *    person is named in between ("“…,” Moss said. “…”");
 * 5. lead-in — a paragraph that is only a quote, after a paragraph ending with a colon that names
 *    the speaker ("Jon Hamm reflected on …:").
 * Pronouns and role nouns resolve to the most recent speaker of compatible gender named before.
 *
 * Source rules: stated in the quote's paragraph; else, for "added" / continuation / same-paragraph,
 * the previous quote's; else stated in the lead-in paragraph when it names the speaker or ends with
 * a colon; else the speaker's previous quote's source in the same article; else null.
 */
import type { Quote, QuotedSpan } from './extract';
import { paragraphs, type Paragraph } from './extract';
import {
  ADVERB,
  INVERTED_VERBS,
  NAME,
  PRONOUN,
  ROLE,
  ROLES,
  SPEECH_VERBS,
  cleanName,
  expandName,
  fullNames,
  speechSubjects,
  surnameKey,
  type Gender,
} from './names';
import { findSources, formatSource, type SourceMention } from './sources';

export type SpeakerRule = 'continuation' | 'after' | 'before' | 'same-paragraph' | 'lead-in';

export interface Attribution {
  /** Full name as this article gives it ("Elizabeth Moss"); corpus spelling is applied by the pack builder. */
  speaker: string | null;
  source: string | null;
  rule: SpeakerRule | null;
}

/** What the corpus knows about people, gathered from every article before attributing any. */
export interface CorpusPeople {
  /** Surname keys of everyone who speaks somewhere in the corpus. */
  persons: ReadonlySet<string>;
  /** Surname key → full name, for articles that only use the surname. */
  bySurname: ReadonlyMap<string, string>;
}

/** An article prepared for attribution: its text with quotes blanked, and the names in it. */
export interface PreparedText {
  text: string;
  /** The text with every quoted span's words replaced by spaces (marks kept): only the reporter's words. */
  narrative: string;
  paragraphs: Paragraph[];
  subjects: { name: string; at: number }[];
  fullNames: { name: string; at: number; possessive: boolean }[];
}

export function prepareText(text: string, spans: readonly QuotedSpan[]): PreparedText {
  const narrative = blankQuotes(text, spans);
  return { text, narrative, paragraphs: paragraphs(text), subjects: speechSubjects(narrative), fullNames: fullNames(narrative) };
}

function blankQuotes(text: string, spans: readonly QuotedSpan[]): string {
  const chars = text.split('');
  for (const s of spans) for (let i = s.start; i < s.end; i++) if (chars[i] !== '\n') chars[i] = ' ';
  return chars.join('');
}

/** A reference to a speaker found in the text, before resolution. */
interface Hit {
  kind: 'name' | 'pronoun' | 'role';
  value: string;
  verb: string;
}

const LEAD = String.raw`^[\s,;:\u2014\u2013-]*`;
const SUBJECT = String.raw`(?:(${NAME})|\b(${PRONOUN})\b|\b[Tt]he\s+(${ROLE})\b)`;
const AFTER_SUBJECT_VERB = new RegExp(`${LEAD}${SUBJECT}${ADVERB}\\s+(${SPEECH_VERBS})\\b`, 'u');
const AFTER_VERB_SUBJECT = new RegExp(`${LEAD}(${INVERTED_VERBS})\\s+${SUBJECT}`, 'u');
const BEFORE_SUBJECT_VERB = new RegExp(`${SUBJECT}${ADVERB}\\s+(${SPEECH_VERBS})\\b`, 'gu');
const BEFORE_VERB_SUBJECT = new RegExp(`\\b(${INVERTED_VERBS})\\s+${SUBJECT}\\s*[,:]?\\s*$`, 'u');
const ACCORDING_TO = new RegExp(`\\b[Aa]ccording to (${NAME})`, 'u');
const ANY_VERB = new RegExp(`\\b(${SPEECH_VERBS})\\b`, 'gu');

function hitFrom(m: RegExpExecArray | RegExpMatchArray, first: number, verb: string): Hit | null {
  if (m[first]) {
    const clean = cleanName(m[first]!);
    return clean && !clean.possessive ? { kind: 'name', value: clean.name, verb } : null;
  }
  if (m[first + 1]) return { kind: 'pronoun', value: m[first + 1]!.toLowerCase(), verb };
  if (m[first + 2]) return { kind: 'role', value: m[first + 2]!.toLowerCase(), verb };
  return null;
}

/** "“…,” Moss said" / "“…,” said Hamm" at the start of the words following the quote. */
export function matchAfter(after: string): Hit | null {
  const sv = AFTER_SUBJECT_VERB.exec(after);
  if (sv) return hitFrom(sv, 1, sv[4]!);
  const vs = AFTER_VERB_SUBJECT.exec(after);
  return vs ? hitFrom(vs, 2, vs[1]!) : null;
}

/** The clause leading into a quote: "Moss added:", "…January Jones, …, commented on the video:". */
export function matchBefore(clause: string, isPerson: (name: string) => boolean): Hit | null {
  const all = [...clause.matchAll(BEFORE_SUBJECT_VERB)];
  for (let k = all.length - 1; k >= 0; k--) {
    const hit = hitFrom(all[k]!, 1, all[k]![4]!);
    if (hit && (hit.kind !== 'name' || isPerson(hit.value))) return hit;
  }
  const vs = BEFORE_VERB_SUBJECT.exec(clause);
  if (vs) return hitFrom(vs, 2, vs[1]!);
  if (clause.trimEnd().endsWith(':')) {
    const verbs = [...clause.matchAll(ANY_VERB)];
    const verb = verbs[verbs.length - 1];
    if (verb) {
      const name = lastPersonBefore(clause.slice(0, verb.index), isPerson);
      if (name) return { kind: 'name', value: name, verb: verb[1]! };
    }
  }
  const according = ACCORDING_TO.exec(clause);
  const clean = according ? cleanName(according[1]!) : null;
  return clean && isPerson(clean.name) ? { kind: 'name', value: clean.name, verb: 'said' } : null;
}

/** The last non-possessive person named in `text` ("Moss’ former co-star January Jones, who played Don’s wife" → January Jones). */
function lastPersonBefore(text: string, isPerson: (name: string) => boolean): string | null {
  let last: string | null = null;
  for (const m of text.matchAll(new RegExp(NAME, 'gu'))) {
    const clean = cleanName(m[0]);
    if (clean && !clean.possessive && isPerson(clean.name)) last = clean.name;
  }
  return last;
}

/** Per-article state while quotes are attributed in order. */
interface Discourse {
  /** Speakers in text order: named speech subjects and attributed quotes. */
  mentions: { name: string; at: number }[];
  genders: Map<string, Gender>;
}

/** Attributes each quote of one article (quotes in text order). */
export function attributeQuotes(doc: PreparedText, quotes: readonly Quote[], people: CorpusPeople): Attribution[] {
  const isPerson = (name: string): boolean => people.persons.has(surnameKey(name));
  const inText = doc.fullNames.filter((n) => isPerson(n.name)).map((n) => n.name);
  const expand = (name: string): string => expandName(name, inText, people.bySurname);
  const discourse: Discourse = {
    mentions: doc.subjects.filter((s) => isPerson(s.name)).map((s) => ({ name: expand(s.name), at: s.at })),
    genders: genderEvidence(doc.narrative, isPerson, expand),
  };
  const sources = findSources(doc.narrative, isPerson);
  const orgs = sources.map((s) => s.org);
  const out: Attribution[] = [];
  quotes.forEach((q, i) => {
    const prev = i > 0 ? { quote: quotes[i - 1]!, attribution: out[i - 1]! } : null;
    const found = findSpeaker(doc, q, prev, isPerson, expand, discourse);
    const speaker = found?.speaker ?? null;
    if (speaker) discourse.mentions.push({ name: speaker, at: q.open });
    const source = findSource(doc, q, found, prev, out, quotes, sources, orgs, i);
    out.push({ speaker, source, rule: found?.rule ?? null });
  });
  return out;
}

interface Found {
  speaker: string | null;
  rule: SpeakerRule;
  verb: string | null;
}

function findSpeaker(
  doc: PreparedText,
  q: Quote,
  prev: { quote: Quote; attribution: Attribution } | null,
  isPerson: (name: string) => boolean,
  expand: (name: string) => string,
  discourse: Discourse,
): Found | null {
  if (q.continues && prev) return { speaker: prev.attribution.speaker, rule: 'continuation', verb: null };
  const resolve = (hit: Hit, rule: SpeakerRule): Found | null => {
    const speaker = resolveHit(hit, q.open, expand, discourse);
    return speaker ? { speaker, rule, verb: hit.verb } : null;
  };
  const para = doc.paragraphs[q.paragraph]!;
  const samePara = prev && prev.quote.paragraph === q.paragraph ? prev : null;
  const afterHit = matchAfter(doc.narrative.slice(quoteEnd(q), nextOpen(doc, q, para)));
  if (afterHit) return resolve(afterHit, 'after');
  const clauseStart = samePara ? quoteEnd(samePara.quote) : para.start;
  const beforeHit = matchBefore(lastClause(doc.narrative.slice(clauseStart, q.open)), isPerson);
  if (beforeHit) return resolve(beforeHit, 'before');
  if (
    samePara?.attribution.speaker &&
    onlyNames(doc.narrative.slice(quoteEnd(samePara.quote), q.open), samePara.attribution.speaker, isPerson)
  ) {
    return { speaker: samePara.attribution.speaker, rule: 'same-paragraph', verb: null };
  }
  const leadIn = leadInClause(doc, q, para);
  const leadHit = leadIn ? matchBefore(leadIn, isPerson) : null;
  return leadHit ? resolve(leadHit, 'lead-in') : null;
}

function quoteEnd(q: QuotedSpan): number {
  return q.close === null ? q.end : q.close + 1;
}

/** Where the reporter's words after `q` stop: the next opening mark of the paragraph, or its end. */
function nextOpen(doc: PreparedText, q: QuotedSpan, para: Paragraph): number {
  const rest = doc.narrative.slice(quoteEnd(q), para.end);
  const m = /[\u201C"]/.exec(rest);
  return m ? quoteEnd(q) + m.index : para.end;
}

/** The words from the last sentence end: the clause a quote hangs on. */
function lastClause(text: string): string {
  const ends = [...text.matchAll(/[.!?]["\u201D\u2019)]?\s/g)];
  const last = ends[ends.length - 1];
  return last ? text.slice((last.index ?? 0) + last[0].length) : text;
}

/** A quote opening its paragraph, after a paragraph that ends with a colon: that paragraph's last clause. */
function leadInClause(doc: PreparedText, q: Quote, para: Paragraph): string | null {
  if (doc.text.slice(para.start, q.open).trim() !== '' || para.index === 0) return null;
  const before = doc.paragraphs[para.index - 1]!;
  const words = doc.narrative.slice(before.start, before.end).trimEnd();
  return words.endsWith(':') ? lastClause(words) : null;
}

/** Whether every person named in `between` is `speaker` (so a later quote may inherit the speaker). */
function onlyNames(between: string, speaker: string, isPerson: (name: string) => boolean): boolean {
  for (const m of between.matchAll(new RegExp(NAME, 'gu'))) {
    const clean = cleanName(m[0]);
    if (clean && isPerson(clean.name) && surnameKey(clean.name) !== surnameKey(speaker)) return false;
  }
  return true;
}

function resolveHit(hit: Hit, at: number, expand: (name: string) => string, discourse: Discourse): string | null {
  if (hit.kind === 'name') return expand(hit.value);
  const gender: Gender | null = hit.kind === 'pronoun' ? pronounGender(hit.value) : (ROLES[hit.value] ?? null);
  // The latest mention before the quote whose known gender does not contradict the pronoun.
  let best: { name: string; at: number } | null = null;
  for (const m of discourse.mentions) {
    if (m.at >= at || (best && m.at <= best.at)) continue;
    const known = discourse.genders.get(surnameKey(m.name));
    if (!gender || !known || known === gender) best = m;
  }
  if (best && gender && !discourse.genders.has(surnameKey(best.name))) discourse.genders.set(surnameKey(best.name), gender);
  return best?.name ?? null;
}

function pronounGender(pronoun: string): Gender | null {
  if (pronoun === 'she') return 'f';
  return pronoun === 'he' ? 'm' : null;
}

/** Gender from the text itself: "Moss said she …", "actress Elisabeth Moss", "actor Jon Hamm". */
function genderEvidence(narrative: string, isPerson: (name: string) => boolean, expand: (name: string) => string): Map<string, Gender> {
  const genders = new Map<string, Gender>();
  const set = (raw: string, g: Gender | null): void => {
    const clean = cleanName(raw);
    if (g && clean && isPerson(clean.name) && !genders.has(surnameKey(expand(clean.name)))) genders.set(surnameKey(expand(clean.name)), g);
  };
  for (const m of narrative.matchAll(new RegExp(`(${NAME})${ADVERB}\\s+(?:${SPEECH_VERBS})\\s+(?:that\\s+)?(she|he)\\b`, 'gu'))) {
    set(m[1]!, pronounGender(m[2]!));
  }
  for (const m of narrative.matchAll(new RegExp(`\\b(actress|actor)\\s+(${NAME})`, 'gu'))) set(m[2]!, ROLES[m[1]!] ?? null);
  return genders;
}

function findSource(
  doc: PreparedText,
  q: Quote,
  found: Found | null,
  prev: { quote: Quote; attribution: Attribution } | null,
  done: readonly Attribution[],
  quotes: readonly Quote[],
  sources: readonly SourceMention[],
  orgs: readonly string[],
  index: number,
): string | null {
  const para = doc.paragraphs[q.paragraph]!;
  const own = nearestSource(sources, para, q.open);
  if (own) return formatSource(own, orgs);
  const carries =
    found && (found.rule === 'continuation' || found.rule === 'same-paragraph' || found.verb === 'added' || found.verb === 'adds');
  if (carries && prev) return prev.attribution.source;
  const leadIn = para.index > 0 ? doc.paragraphs[para.index - 1]! : null;
  if (leadIn && found?.speaker) {
    const words = doc.narrative.slice(leadIn.start, leadIn.end);
    const namesSpeaker = words.includes(lastWord(found.speaker));
    const stated = nearestSource(sources, leadIn, leadIn.end);
    if (stated && (namesSpeaker || words.trimEnd().endsWith(':'))) return formatSource(stated, orgs);
  }
  for (let k = index - 1; k >= 0 && found?.speaker; k--) {
    if (done[k]!.speaker === found.speaker && quotes[k]) return done[k]!.source;
  }
  return null;
}

function lastWord(name: string): string {
  const words = name.split(/[ \u00A0]+/);
  return words[words.length - 1]!;
}

/** The source mention of a paragraph closest before `at`, else the first after it. */
function nearestSource(sources: readonly SourceMention[], para: Paragraph, at: number): SourceMention | null {
  const inPara = sources.filter((s) => s.at >= para.start && s.at < para.end);
  const before = inPara.filter((s) => s.at < at);
  return before[before.length - 1] ?? inPara[0] ?? null;
}
