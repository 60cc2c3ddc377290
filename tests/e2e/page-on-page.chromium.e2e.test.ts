/** Issue 5 "On the page" in real Chromium: dynamic pages, hostile CSS, the per-site switch, the hover card. */
import { afterAll, beforeAll, describe } from 'vitest';
import type { Pack } from '../../src/engine/types';
import { launchChromium, type ChromiumSession } from './support/chromium';
import { bundledPack } from './support/corpus';
import { chromiumDriver } from './support/page-driver';
import { pageSuite } from './support/page-suite';
import { startServer, type PageServer } from './support/server';

let session: ChromiumSession;
let server: PageServer;
let pack: Pack;

beforeAll(async () => {
  [session, server, pack] = await Promise.all([launchChromium(), startServer(), bundledPack()]);
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('Chromium: on the page', () => pageSuite(() => ({ driver: chromiumDriver(session), server, pack })));
