/** Issue 5 "On the page" in real Firefox: dynamic pages, hostile CSS, the per-site switch, the hover card. */
import { afterAll, beforeAll, describe } from 'vitest';
import type { Pack } from '../../src/engine/types';
import { launchFirefox, type FirefoxSession } from './support/firefox';
import { bundledPack } from '../support/corpus';
import { firefoxDriver } from './support/page-driver';
import { pageSuite } from './support/page-suite';
import { startServer, type PageServer } from './support/server';

let session: FirefoxSession;
let server: PageServer;
let pack: Pack;

beforeAll(async () => {
  [session, server, pack] = await Promise.all([launchFirefox(), startServer(), bundledPack()]);
});
afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('Firefox: on the page', () => pageSuite(() => ({ driver: firefoxDriver(session), server, pack })));
