/** Debian's Firefox ESR, headless, with the built extension installed as a temporary add-on over BiDi. */
import puppeteer, { type Browser } from 'puppeteer-core';
import { FIREFOX } from './browsers';
import { FIREFOX_BUILD } from './paths';

export const GECKO_ID = 'verbatim@verbatim.example';
/** Pinned so tests know the moz-extension:// origin (it is random per profile otherwise). */
export const FIREFOX_UUID = '5f0c2a8e-6d1b-4c3a-9e7f-0b1d2c3e4f5a';
export const FIREFOX_ORIGIN = `moz-extension://${FIREFOX_UUID}`;

export interface FirefoxSession {
  browser: Browser;
  close(): Promise<void>;
}

/** `extensionDir: null` launches the same browser without the extension (baselines). */
export async function launchFirefox(extensionDir: string | null = FIREFOX_BUILD): Promise<FirefoxSession> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      'datareporting.policy.dataSubmissionEnabled': false,
      'app.update.enabled': false,
    },
  });
  if (extensionDir) await browser.installExtension(extensionDir);
  return { browser, close: () => browser.close() };
}
