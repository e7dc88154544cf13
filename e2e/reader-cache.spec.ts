import { expect, test } from './fixtures';
import { expectNotModified } from './newsroom-steps';
import { newClient, storageStateOf } from './session';

// The response cache's headers: what a CDN in front needs, and what it must
// never hold. Freshness after each change is reader-cache.serial.spec.ts.

test('reader pages carry CDN headers and answer 304; staff pages and signed-in views are never cacheable', async ({ browser, request }) => {
  const home = await request.get('/');
  const headers = home.headers();
  expect(headers['cache-control']).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
  expect(headers['cache-tag']?.split(',')).toEqual(expect.arrayContaining(['front', 'latest', 'settings']));
  expect(headers['surrogate-key']?.split(' ')).toEqual(expect.arrayContaining(['front', 'latest', 'settings']));
  expect(headers.etag).toMatch(/^"[\w-]+"$/);
  await expectNotModified(request, '/');

  const editor = await newClient(browser, { storageState: storageStateOf('editor') });
  for (const path of ['/newsroom', '/']) {
    const response = await editor.request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['cache-control'], path).toMatch(/private/);
    expect(response.headers()['cache-control'], path).toMatch(/no-store/);
    expect(response.headers()['cache-tag'], path).toBeUndefined();
  }
  await editor.close();
});
