import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { media, publishedStories, stories } from '@/db/schema';
import { ensureSection } from '@/db/seed';
import type { CurrentUser } from '@/lib/auth/actor';
import { paragraphsToDoc } from '@/lib/content/document';
import { Forbidden } from '@/lib/dal';
import { createStory, getStoryForEditor } from '@/lib/stories/working-copy';
import { saveStory } from '@/lib/stories/save';
import { transition } from '@/lib/stories/transitions';
import { connectTestDb } from '@/test/db';
import { createStaff } from '@/test/staff';
import { photo, pngBomb, polyglot, renamedExecutable, svgWithScript, truncated } from '@/test/media-files';
import { contentOf } from '@/test/stories';
import { storageKey } from './keys';
import { DEFAULT_LIMITS } from './limits';
import { deleteMedia, getMediaItem, updateMediaText } from './library';
import { makeRenditions } from './renditions-job';
import { createLocalStorage, type MediaStorage } from './storage';
import { receiveBody, storeUpload } from './upload';

const { db, client } = connectTestDb();
let folder: string;
let storage: MediaStorage;
let writer: CurrentUser;
let otherWriter: CurrentUser;
let editor: CurrentUser;
let otherEditor: CurrentUser;
let sectionId: string;


const upload = async (actor: CurrentUser, data: Buffer, fileName = 'photo.jpg') => storeUpload(actor, { fileName, data }, { storage, limits: DEFAULT_LIMITS });

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'sahifa-media-int-'));
  storage = createLocalStorage(folder);
  writer = await createStaff(db, 'writer');
  otherWriter = await createStaff(db, 'writer');
  editor = await createStaff(db, 'editor');
  otherEditor = await createStaff(db, 'editor');
  sectionId = await db.transaction((tx) => ensureSection(tx, 'media-desk', 'صور'));
});
afterAll(async () => {
  await client.end();
  await rm(folder, { recursive: true, force: true });
});

describe('upload', () => {
  it('stores an oriented, metadata-free master and a first WebP, and queues the rest', async () => {
    const withExif = await sharp(await photo()).withMetadata({ orientation: 6, exif: { IFD0: { Copyright: 'source phone' } } }).jpeg().toBuffer();
    const outcome = await upload(writer, withExif);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    // Orientation 6 is a quarter turn: the stored image is upright, so its sides swap.
    expect([outcome.item.width, outcome.item.height]).toEqual([1000, 1400]);
    expect(outcome.item.state).toBe('processing');
    expect(outcome.item.placeholder).toMatch(/^data:image\/webp;base64,/);
    const master = await storage.get(storageKey(outcome.item.id, 'original'));
    const chunks: Buffer[] = [];
    for await (const chunk of master!.body) chunks.push(chunk as Buffer);
    const meta = await sharp(Buffer.concat(chunks)).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(await storage.get(storageKey(outcome.item.id, '960.webp'))).not.toBeNull();
    const [job] = await client`select task_identifier from graphile_worker.jobs where key = ${`media:${outcome.item.id}`}`;
    expect(job?.task_identifier).toBe('media_renditions');
  });

  it('makes every rendition in the background, never wider than the image', async () => {
    const outcome = await upload(writer, await photo(1400, 1000));
    if (!outcome.ok) throw new Error('upload refused');
    expect(await makeRenditions({ mediaId: outcome.item.id }, { storage, limits: DEFAULT_LIMITS })).toBe('ready');
    const [row] = await db.select().from(media).where(eq(media.id, outcome.item.id));
    expect(row?.state).toBe('ready');
    expect(row?.renditions.map((r) => r.name).sort()).toEqual(['1280.avif', '1280.webp', '320.avif', '320.webp', '640.avif', '640.webp', '960.avif', '960.webp', 'og.jpg'].sort());
    expect(row?.renditions.find((r) => r.name === '320.avif')).toMatchObject({ width: 320, height: 229 });
    // Run again (a duplicated job): nothing left to do.
    expect(await makeRenditions({ mediaId: outcome.item.id }, { storage, limits: DEFAULT_LIMITS })).toBe('skipped');
  });

  it('refuses bad files and stores nothing', async () => {
    const before = (await db.select({ id: media.id }).from(media)).length;
    const jpeg = await photo(600, 400);
    const cases: [string, Buffer, string][] = [
      ['empty', Buffer.alloc(0), 'x.jpg'],
      ['unsupported', renamedExecutable(), 'setup.jpg'],
      ['unsupported', svgWithScript(), 'logo.svg'],
      ['damaged', truncated(jpeg), 'cut.jpg'],
      ['tooManyPixels', await pngBomb(), 'bomb.png'],
      ['polyglot', polyglot(jpeg), 'poly.jpg'],
      ['badName', jpeg, '../../etc/passwd.jpg'],
    ];
    for (const [problem, data, name] of cases) expect(await upload(writer, data, name), problem).toEqual({ ok: false, problem });
    expect((await db.select({ id: media.id }).from(media)).length).toBe(before);
  });

  it('stops reading a body past the limit', async () => {
    const big = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(1024 * 1024));
      },
    });
    expect(await receiveBody(big, 5 * 1024 * 1024)).toEqual({ ok: false, problem: 'tooLarge' });
    expect(await receiveBody(new Blob([]).stream(), 10)).toEqual({ ok: false, problem: 'empty' });
  });
});

describe('library permissions', () => {
  it('lets writers edit only their own uploads, editors any, and only editors delete', async () => {
    const outcome = await upload(writer, await photo(400, 300));
    if (!outcome.ok) throw new Error('upload refused');
    const id = outcome.item.id;
    const text = { id, alt: 'شجرة', caption: 'تعليق', credit: 'تصوير', source: 'أرشيف' };
    expect((await updateMediaText(writer, text)).ok).toBe(true);
    expect(await updateMediaText(otherWriter, text)).toEqual({ ok: false, error: 'errors.notFound' });
    expect((await updateMediaText(editor, { ...text, alt: 'شجرة خضراء' })).ok).toBe(true);
    expect((await getMediaItem(writer, id))?.item.alt).toBe('شجرة خضراء');
    await expect(deleteMedia(writer, id)).rejects.toBeInstanceOf(Forbidden);
    expect((await deleteMedia(editor, id)).ok).toBe(true);
    expect(await storage.get(storageKey(id, '960.webp'))).toBeNull();
  });
});

describe('an image in use', () => {
  it('cannot be deleted while a story uses it, and never while a published one does', async () => {
    const outcome = await upload(writer, await photo(800, 600));
    if (!outcome.ok) throw new Error('upload refused');
    const id = outcome.item.id;
    await updateMediaText(writer, { id, alt: 'نص بديل', caption: 'تعليق', credit: 'تصوير', source: '' });
    const storyId = await createStory(writer);
    const story = (await getStoryForEditor(writer, storyId))!.story;
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'نص' }] }, { type: 'figure', attrs: { mediaId: id, alt: 'نص بديل', caption: '', credit: '' } }] };
    const saved = await saveStory(writer, storyId, contentOf(story, { headline: 'خبر بصورة', slug: `khabar-${storyId.slice(0, 8)}`, sectionId, body, leadImage: { id, alt: null, caption: null, credit: null } }));
    expect(saved?.status).toBe('saved');
    expect(await deleteMedia(editor, id)).toEqual({ ok: false, error: 'media.errors.inUse' });
    expect((await getMediaItem(editor, id))?.uses).toEqual([{ storyId, headline: 'خبر بصورة', published: false }]);
    // Restricted, the working copy is named to no one who may not open it (the image still cannot be deleted).
    await db.update(stories).set({ restricted: true }).where(eq(stories.id, storyId));
    expect((await getMediaItem(otherWriter, id))?.uses).toEqual([]);
    expect((await getMediaItem(editor, id))?.uses).toEqual([{ storyId, headline: 'خبر بصورة', published: false }]);
    await db.update(stories).set({ restricted: false }).where(eq(stories.id, storyId));

    expect((await transition(writer, storyId, { action: 'submit' })).ok).toBe(true);
    const current = (await getStoryForEditor(editor, storyId))!.story;
    expect((await transition(otherEditor, storyId, { action: "approve", expectedVersion: current.version, acknowledge: true })).ok).toBe(true);
    expect((await transition(otherEditor, storyId, { action: 'publish', acknowledge: true })).ok).toBe(true);
    const [live] = await db.select().from(publishedStories).where(eq(publishedStories.storyId, storyId));
    expect(live?.leadImage).toMatchObject({ id, alt: 'نص بديل', caption: 'تعليق', credit: 'تصوير', width: 800, height: 600 });
    expect(await deleteMedia(editor, id)).toEqual({ ok: false, error: 'media.errors.inPublishedUse' });
    expect((await db.select().from(media).where(eq(media.id, id))).length).toBe(1);
  });
});

describe('the lead image is reader-facing', () => {
  it('changing it, or its text for the story, after approval sends the story back to draft', async () => {
    const first = await upload(writer, await photo(640, 480));
    const second = await upload(writer, await photo(640, 480));
    if (!first.ok || !second.ok) throw new Error('upload refused');
    const storyId = await createStory(writer);
    const approveWith = async (leadImage: { id: string; alt: string | null; caption: string | null; credit: string | null }) => {
      const story = (await getStoryForEditor(writer, storyId))!.story;
      expect((await saveStory(writer, storyId, contentOf(story, { headline: 'خبر بصورة رئيسية', slug: `lead-${storyId.slice(0, 8)}`, body: paragraphsToDoc(['نص الخبر']), sectionId, leadImage })))?.status).toBe('saved');
      expect((await transition(writer, storyId, { action: 'submit' })).ok).toBe(true);
      const current = (await getStoryForEditor(editor, storyId))!.story;
      expect((await transition(editor, storyId, { action: 'approve', expectedVersion: current.version, acknowledge: true })).ok).toBe(true);
      return (await getStoryForEditor(writer, storyId))!.story;
    };
    const lead = { id: first.item.id, alt: 'غلاف', caption: null, credit: null };
    let approved = await approveWith(lead);
    expect(approved.editorialState).toBe('approved');
    // Saving the same lead image keeps the approval.
    // Writers may not edit an approved story; another editor does (the approving one may not have changed it: strict four-eyes).
    await saveStory(otherEditor, storyId, contentOf(approved, { leadImage: lead }));
    expect((await getStoryForEditor(writer, storyId))!.story.editorialState).toBe('approved');
    // Another image resets it.
    approved = (await getStoryForEditor(writer, storyId))!.story;
    await saveStory(otherEditor, storyId, contentOf(approved, { leadImage: { ...lead, id: second.item.id } }));
    expect((await getStoryForEditor(writer, storyId))!.story.editorialState).toBe('draft');
    // So does the story's own alt text for it.
    approved = await approveWith({ ...lead, id: second.item.id });
    await saveStory(otherEditor, storyId, contentOf(approved, { leadImage: { ...lead, id: second.item.id, alt: 'غلاف آخر' } }));
    expect((await getStoryForEditor(writer, storyId))!.story.editorialState).toBe('draft');
  });

  it('refuses a lead image or a figure that is not in the library', async () => {
    const storyId = await createStory(writer);
    const story = (await getStoryForEditor(writer, storyId))!.story;
    const missing = '00000000-0000-4000-8000-000000000000';
    const body = { type: 'doc', content: [{ type: 'figure', attrs: { mediaId: missing, alt: 'x', caption: '', credit: '' } }] };
    expect(await saveStory(writer, storyId, contentOf(story, { body, leadImage: { id: missing, alt: null, caption: null, credit: null } }))).toEqual({
      status: 'invalid',
      fieldErrors: { leadImage: 'errors.mediaMissing', body: 'errors.mediaMissing' },
    });
  });
});
