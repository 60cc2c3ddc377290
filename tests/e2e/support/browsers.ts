/** Where the system browsers live; the e2e tests use Debian's builds, never a downloaded one. */
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.VERBATIM_CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX = process.env.VERBATIM_FIREFOX ?? '/usr/bin/firefox-esr';

export const hasChromium = () => existsSync(CHROMIUM);
export const hasFirefox = () => existsSync(FIREFOX);
