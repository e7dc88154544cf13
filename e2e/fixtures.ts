import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { createDb, type Database } from '@/db/index';
import { e2eHandoffFile } from '@/test/e2e-handoff';

type Fixtures = {
  /** Fails the test when axe finds any WCAG 2.1 A/AA violation on the page as it is now. */
  expectAccessible: (page: Page) => Promise<void>;
};

type WorkerFixtures = {
  /** The e2e server's database, for specs that create their own data. */
  db: Database;
};

export const test = base.extend<Fixtures, WorkerFixtures>({
  expectAccessible: async ({}, use) => {
    await use(async (page) => {
      // Legacy mode runs axe in the page itself: the default opens a second page to merge results from
      // cross-origin frames, which no page here has; that cost 1-4 s a scan, 71 scans a run. A page that
      // gains a frame fails here, rather than have its frame go unchecked.
      expect(page.frames(), `a frame on ${page.url()}: axe runs in legacy mode (e2e/fixtures.ts)`).toHaveLength(1);
      const results = await new AxeBuilder({ page }).setLegacyMode().withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
      expect(summary, `axe violations on ${page.url()}`).toEqual([]);
    });
  },
  db: [
    async ({}, use) => {
      const { url } = JSON.parse(readFileSync(e2eHandoffFile(process.env.E2E_DB_NAME as string), 'utf8')) as { url: string };
      const { db, client } = createDb(url, { max: 2 });
      await use(db);
      await client.end();
    },
    { scope: 'worker' },
  ],
});

export { expect };
