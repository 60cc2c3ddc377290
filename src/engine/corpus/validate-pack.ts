/**
 * Hand-written pack validation for packs a user imports (the extension's CSP forbids the `eval`
 * that schema compilers use). Mirrors docs/pack.schema.json and adds what a schema cannot say:
 * unique ids, variants pointing at known documents, offsets that fit, size limits.
 */

import { CHANGE_KINDS, DOCUMENT_ORIGINS, PACK_FORMAT, PACK_VERSION, type Pack } from '../types';

export const MAX_PACK_BYTES = 20 * 1024 * 1024;
export const MAX_GROUPS = 200_000;
/** Stop listing after this many problems: a broken 100k-group pack should not produce 100k lines. */
const MAX_ERRORS = 50;

export type PackValidation = { ok: true; pack: Pack } | { ok: false; errors: string[] };

const SIGNAL_KINDS = ['title', 'character', 'cast', 'creator', 'network', 'place', 'other'];
const DOC_NULLABLE = ['site', 'url', 'title', 'published'] as const;
/** A day (`verbatim learn`) or a moment (the extension): ISO 8601, nothing locale-shaped. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

type Obj = Record<string, unknown>;

class Problems {
  readonly list: string[] = [];
  add(path: string, what: string): void {
    if (this.list.length < MAX_ERRORS) this.list.push(`${path}: ${what}`);
    else if (this.list.length === MAX_ERRORS) this.list.push('… more errors not shown');
  }
}

/** Validates a parsed pack. `byteSize`, when known (file size), is checked against MAX_PACK_BYTES. */
export function validatePack(value: unknown, byteSize?: number): PackValidation {
  const p = new Problems();
  if (byteSize !== undefined && byteSize > MAX_PACK_BYTES) p.add('pack', `too large: ${byteSize} bytes (limit ${MAX_PACK_BYTES})`);
  if (!isObj(value)) {
    p.add('pack', 'must be a JSON object');
    return { ok: false, errors: p.list };
  }
  if (value.format !== PACK_FORMAT) p.add('format', `must be "${PACK_FORMAT}", got ${show(value.format)}`);
  if (value.version !== PACK_VERSION)
    p.add('version', `unsupported version ${show(value.version)} (this build reads version ${PACK_VERSION})`);
  if (typeof value.id !== 'string' || !value.id) p.add('id', 'must be a non-empty string');
  checkTopic(value.topic, p);
  const docs = checkDocuments(value.documents, p);
  checkGroups(value.groups, docs, p);
  return p.list.length === 0 ? { ok: true, pack: value as unknown as Pack } : { ok: false, errors: p.list };
}

function checkTopic(topic: unknown, p: Problems): void {
  if (!isObj(topic)) return p.add('topic', 'must be an object');
  if (typeof topic.name !== 'string') p.add('topic.name', 'must be a string');
  if (!Array.isArray(topic.signals)) p.add('topic.signals', 'must be an array');
  else {
    topic.signals.forEach((s, i) => {
      const at = `topic.signals[${i}]`;
      if (!isObj(s)) return p.add(at, 'must be an object');
      if (typeof s.term !== 'string' || !s.term) p.add(`${at}.term`, 'must be a non-empty string');
      if (!SIGNAL_KINDS.includes(s.kind as string)) p.add(`${at}.kind`, `must be one of ${SIGNAL_KINDS.join(', ')}`);
      if (!isNumber(s.weight)) p.add(`${at}.weight`, 'must be a number');
      if (s.caseSensitive !== undefined && typeof s.caseSensitive !== 'boolean') p.add(`${at}.caseSensitive`, 'must be a boolean');
    });
  }
  if (topic.negatives !== undefined) {
    if (!Array.isArray(topic.negatives)) p.add('topic.negatives', 'must be an array');
    else
      topic.negatives.forEach((n, i) => {
        if (!isObj(n) || typeof n.term !== 'string' || !isNumber(n.weight))
          p.add(`topic.negatives[${i}]`, 'must be {term: string, weight: number}');
      });
  }
  const shortNames = topic.shortNames as unknown;
  if (shortNames !== undefined && !(Array.isArray(shortNames) && shortNames.every((w) => typeof w === 'string')))
    p.add('topic.shortNames', 'must be an array of strings');
  if (topic.passing !== undefined) {
    const passing = topic.passing as unknown;
    if (!isObj(passing)) p.add('topic.passing', 'must be an object');
    else {
      for (const key of ['after', 'before', 'beforeNear', 'likeAfter', 'likeBefore', 'nameBefore', 'nameKinds'] as const) {
        const list = passing[key];
        if (list !== undefined && !(Array.isArray(list) && list.every((w) => typeof w === 'string')))
          p.add(`topic.passing.${key}`, 'must be an array of strings');
      }
      if (passing.window !== undefined && !isNumber(passing.window)) p.add('topic.passing.window', 'must be a number');
    }
  }
  for (const key of ['weights', 'thresholds'] as const) {
    const rec = topic[key];
    if (!isObj(rec)) p.add(`topic.${key}`, 'must be an object of numbers');
    else for (const [k, v] of Object.entries(rec)) if (!isNumber(v)) p.add(`topic.${key}.${k}`, 'must be a number');
  }
}

function checkDocuments(documents: unknown, p: Problems): Set<string> {
  const ids = new Set<string>();
  if (!Array.isArray(documents)) {
    p.add('documents', 'must be an array');
    return ids;
  }
  documents.forEach((d, i) => {
    const at = `documents[${i}]`;
    if (!isObj(d)) return p.add(at, 'must be an object');
    if (typeof d.id !== 'string' || !d.id) p.add(`${at}.id`, 'must be a non-empty string');
    else if (ids.has(d.id)) p.add(`${at}.id`, `duplicate document id "${d.id}"`);
    else ids.add(d.id);
    if (typeof d.outlet !== 'string') p.add(`${at}.outlet`, 'must be a string');
    for (const key of DOC_NULLABLE) if (d[key] !== null && typeof d[key] !== 'string') p.add(`${at}.${key}`, 'must be a string or null');
    if (d.origin !== undefined && !DOCUMENT_ORIGINS.includes(d.origin as never))
      p.add(`${at}.origin`, `must be one of ${DOCUMENT_ORIGINS.join(', ')}`);
    if (d.read !== undefined && (typeof d.read !== 'string' || !ISO_DATE.test(d.read) || Number.isNaN(Date.parse(d.read))))
      p.add(`${at}.read`, 'must be a date (ISO 8601)');
    if (d.primary !== undefined && typeof d.primary !== 'boolean') p.add(`${at}.primary`, 'must be a boolean');
  });
  return ids;
}

function checkGroups(groups: unknown, docs: Set<string>, p: Problems): void {
  if (!Array.isArray(groups)) return p.add('groups', 'must be an array');
  if (groups.length > MAX_GROUPS) return p.add('groups', `too many groups: ${groups.length} (limit ${MAX_GROUPS})`);
  const ids = new Set<string>();
  groups.forEach((g, i) => {
    const at = `groups[${i}]`;
    if (!isObj(g)) return p.add(at, 'must be an object');
    if (typeof g.id !== 'string' || !g.id) p.add(`${at}.id`, 'must be a non-empty string');
    else if (ids.has(g.id)) p.add(`${at}.id`, `duplicate group id "${g.id}"`);
    else ids.add(g.id);
    for (const key of ['speaker', 'source'] as const)
      if (g[key] !== null && typeof g[key] !== 'string') p.add(`${at}.${key}`, 'must be a string or null');
    if (typeof g.consensus !== 'string' || !g.consensus) p.add(`${at}.consensus`, 'must be a non-empty string');
    if (!Array.isArray(g.variants) || g.variants.length === 0) return p.add(`${at}.variants`, 'must be a non-empty array');
    g.variants.forEach((v, j) => checkVariant(v, `${at}.variants[${j}]`, docs, p));
  });
}

function checkVariant(v: unknown, at: string, docs: Set<string>, p: Problems): void {
  if (!isObj(v)) return p.add(at, 'must be an object');
  if (typeof v.document !== 'string' || !docs.has(v.document)) p.add(`${at}.document`, `refers to unknown document ${show(v.document)}`);
  if (typeof v.text !== 'string' || !v.text) p.add(`${at}.text`, 'must be a non-empty string');
  const { start, end } = v;
  if (!isOffset(start) || !isOffset(end)) p.add(at, 'start and end must be non-negative integers');
  else if (end <= start) p.add(at, `offsets out of range: end ${end} must be after start ${start}`);
  else if (typeof v.text === 'string' && end - start !== v.text.length)
    p.add(at, `offsets out of range: end - start is ${end - start} but text has ${v.text.length} characters`);
  if (!Array.isArray(v.change) || v.change.length === 0) p.add(`${at}.change`, 'must be a non-empty array');
  else
    v.change.forEach((c, k) => {
      if (!CHANGE_KINDS.includes(c as never)) p.add(`${at}.change[${k}]`, `unknown change kind ${show(c)}`);
    });
}

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isOffset(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 40 ? text.slice(0, 40) + '…' : text;
}
