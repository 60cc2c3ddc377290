/** Test helper: `browser.i18n.getMessage` answered from the real `_locales/en/messages.json`. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ROOT } from '../../support/repo';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export const MESSAGES = JSON.parse(readFileSync(resolve(ROOT, 'assets/public/_locales/en/messages.json'), 'utf8')) as Messages;

export function getMessage(key: string, substitutions: string[] = []): string {
  const entry = MESSAGES[key];
  if (!entry) return '';
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (__, n: string) => substitutions[Number(n) - 1] ?? '');
  });
}

export function stubI18n(): void {
  (fakeBrowser.i18n as unknown as { getMessage: typeof getMessage }).getMessage = getMessage;
}
