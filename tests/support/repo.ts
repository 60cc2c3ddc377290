/** The repository root, for tests that read its files. A string path: happy-dom replaces the global URL class. */
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
