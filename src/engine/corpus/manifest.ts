/**
 * The input of `buildPack`: a corpus manifest (`corpus.json`), the text of each article and the
 * topic spec. Pure data, so the engine can build a pack without touching the file system.
 */
import type { TopicSpec } from '../types';

/** One article entry of `corpus.json`. `null` means unknown: never invented. */
export interface ManifestDocument {
  id: string;
  /** File name relative to the manifest, `.txt` (text as captured) or `.html`. */
  file: string;
  outlet: string;
  site: string | null;
  url: string | null;
  title: string | null;
  published: string | null;
  /** This document is the primary source (a transcript, the interview itself). */
  primary?: boolean;
  /** Free-form remarks about the capture; not shipped in the pack. */
  notes?: string;
}

/** `corpus.json`. */
export interface CorpusManifest {
  /** Human name of the topic, e.g. "Mad Men". */
  topic: string;
  /** Optional pack id; defaults to a slug of `topic` ("mad-men"). */
  id?: string;
  about?: string;
  documents: ManifestDocument[];
}

export interface CorpusSource {
  manifest: CorpusManifest;
  /** Article text by document id, exactly as read (UTF-16 offsets in the pack refer to it). */
  texts: Record<string, string>;
  /** Detection spec; when absent, a minimal one with the manifest's topic as its only signal. */
  topic?: TopicSpec;
}

/** Bad corpus input: the message says what is wrong, `file` names the file at fault when known. */
export class CorpusInputError extends Error {
  constructor(
    /** What is wrong, without the file name. */
    readonly detail: string,
    readonly file: string | null = null,
  ) {
    super(file ? `${file}: ${detail}` : detail);
    this.name = 'CorpusInputError';
  }
}

const TOP_KEYS = new Set(['topic', 'id', 'about', 'documents']);
const DOC_KEYS = new Set(['id', 'file', 'outlet', 'site', 'url', 'title', 'published', 'primary', 'notes']);
const NULLABLE = ['site', 'url', 'title', 'published'] as const;

/** Checks the shape of a parsed `corpus.json`; every problem is listed with its JSON path. */
export function parseManifest(value: unknown, file = 'corpus.json'): CorpusManifest {
  const errors: string[] = [];
  if (!isRecord(value)) throw new CorpusInputError('manifest must be a JSON object', file);
  unknownKeys(value, TOP_KEYS, '', errors);
  if (typeof value.topic !== 'string' || !value.topic.trim()) errors.push('"topic" must be a non-empty string');
  if (value.id !== undefined && (typeof value.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(value.id))) {
    errors.push('"id" must be a lower-case slug like "mad-men"');
  }
  if (value.about !== undefined && typeof value.about !== 'string') errors.push('"about" must be a string');
  if (!Array.isArray(value.documents) || value.documents.length === 0) {
    errors.push('"documents" must be a non-empty array');
  } else {
    checkDocuments(value.documents, errors);
  }
  if (errors.length > 0) throw new CorpusInputError(`malformed manifest: ${errors.join('; ')}`, file);
  return value as unknown as CorpusManifest;
}

function checkDocuments(documents: unknown[], errors: string[]): void {
  const ids = new Set<string>();
  documents.forEach((doc, i) => {
    const at = `documents[${i}]`;
    if (!isRecord(doc)) {
      errors.push(`${at} must be an object`);
      return;
    }
    unknownKeys(doc, DOC_KEYS, at + '.', errors);
    for (const key of ['id', 'file', 'outlet'] as const) {
      if (typeof doc[key] !== 'string' || !(doc[key] as string).trim()) errors.push(`${at}.${key} must be a non-empty string`);
    }
    for (const key of NULLABLE) {
      if (doc[key] !== null && typeof doc[key] !== 'string') errors.push(`${at}.${key} must be a string or null`);
    }
    if (doc.notes !== undefined && typeof doc.notes !== 'string') errors.push(`${at}.notes must be a string`);
    if (doc.primary !== undefined && typeof doc.primary !== 'boolean') errors.push(`${at}.primary must be true or false`);
    if (typeof doc.id === 'string') {
      if (ids.has(doc.id)) errors.push(`${at}.id "${doc.id}" is used twice`);
      ids.add(doc.id);
    }
    if (typeof doc.file === 'string' && !/\.(txt|html?)$/i.test(doc.file)) errors.push(`${at}.file must end in .txt or .html`);
  });
}

function unknownKeys(value: Record<string, unknown>, known: Set<string>, at: string, errors: string[]): void {
  for (const key of Object.keys(value)) if (!known.has(key)) errors.push(`unknown field "${at}${key}"`);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Pack id from the manifest: its `id`, else the topic as a slug ("Mad Men" → "mad-men"). */
export function packId(manifest: CorpusManifest): string {
  if (manifest.id) return manifest.id;
  const slug = manifest.topic
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'corpus';
}

/** The spec used when a corpus ships no `topic.json`: the topic's name as its one signal. */
export function minimalTopicSpec(name: string): TopicSpec {
  return {
    name,
    signals: [{ term: name, kind: 'title', weight: 1 }],
    weights: {},
    thresholds: {},
  };
}
