/** User-visible strings come from `_locales`; a missing key shows the key, never an empty string. */
import { browser } from 'wxt/browser';

export function t(key: string, ...substitutions: (string | number)[]): string {
  const message = browser.i18n.getMessage(key as never, substitutions.map(String));
  return message || key;
}
