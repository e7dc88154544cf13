import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
// s3rver ships no types; it is a local S3-compatible server speaking the real protocol.
// @ts-expect-error untyped devDependency
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageKey } from './keys';
import { createLocalStorage, readAll, type MediaStorage } from './storage';
import { createS3Storage } from './storage-s3';

// Both backends pass the same checks: put, get as a stream, delete every file of an id.

let folder: string;
let s3: { close: () => Promise<void> };
const backends: Record<string, () => MediaStorage> = {};

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'sahifa-media-test-'));
  backends.local = () => createLocalStorage(path.join(folder, 'local'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: path.join(folder, 's3'), configureBuckets: [{ name: 'sahifa-media' }] });
  const address = (await server.run()) as { port: number };
  s3 = server;
  backends.s3 = () =>
    createS3Storage({ endpoint: `http://127.0.0.1:${address.port}`, bucket: 'sahifa-media', region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true });
});
afterAll(async () => {
  await s3?.close();
  await rm(folder, { recursive: true, force: true });
});

for (const backend of ['local', 's3']) {
  describe(`${backend} media storage`, () => {
    it('puts, gets back the same bytes, and deletes every file of an id', async () => {
      const storage = backends[backend]!();
      const id = randomUUID();
      const bytes = Buffer.from('not really an image, but bytes are bytes');
      await storage.put(storageKey(id, '640.webp'), bytes, 'image/webp');
      await storage.put(storageKey(id, 'original'), Buffer.from('master'), 'image/jpeg');
      const object = await storage.get(storageKey(id, '640.webp'));
      expect(object?.size).toBe(bytes.length);
      expect(await readAll(object!)).toEqual(bytes);
      await storage.deleteAll(id);
      expect(await storage.get(storageKey(id, '640.webp'))).toBeNull();
      expect(await storage.get(storageKey(id, 'original'))).toBeNull();
    });

    it('answers null for a missing file and refuses keys that are not ours', async () => {
      const storage = backends[backend]!();
      expect(await storage.get(storageKey(randomUUID(), '320.avif'))).toBeNull();
      await expect(storage.put('../escape/x.webp', Buffer.from('x'), 'image/webp')).rejects.toThrow(/bad media key/);
      await expect(storage.get(`${randomUUID()}/../../x`)).rejects.toThrow(/bad media key/);
      await expect(storage.deleteAll('..')).rejects.toThrow(/bad media id/);
    });
  });
}
