/** Learning as the reader reads, in real Firefox: the shared suite, and export into a fresh profile. */
import { describe, expect, it } from 'vitest';
import { firefoxDriver } from './support/page-driver';
import { useFirefox } from './support/fixture';
import { ask, exportCorpus, learningSuite, readComparisons } from './support/learning-suite';
import { untilReported } from './support/waits';

const env = useFirefox({ learning: true });

describe('Firefox: learning as you read', () => {
  learningSuite(env);

  it('export, then import into a fresh profile, gives the same comparisons', async () => {
    const exported = await exportCorpus(env.driver);
    const url = `${env.server.origin}/tv/hamm-ending-secret`;
    const here = await env.driver.open(url);
    await untilReported(env.driver, url);
    const wordings = (r: Awaited<ReturnType<typeof readComparisons>>) =>
      r.rows.map((row) => row.outlets.map((o) => o.document.replace(/^.*\//, '')).sort());
    const expected = wordings(await env.driver.popup(url, readComparisons));
    await here.close();

    const fresh = await env.launch();
    const driver = firefoxDriver(fresh);
    expect(await driver.extension(ask, { type: 'import-pack', pack: exported })).toMatchObject({ ok: true });
    const there = await driver.open(url);
    await untilReported(driver, url);
    expect(wordings(await driver.popup(url, readComparisons))).toEqual(expected);
    await there.close();
    await fresh.close();
  });
});
