import type { ChildProcess } from 'node:child_process';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '@/lib/auth/actor';
import { createStory } from '@/lib/stories/working-copy';
import { connectClient, leave, sessionCookie } from '@/test/collab';
import { startCollabProcess } from '@/test/collab-suite';
import { connectTestDb } from '@/test/db';
import { createStaff, sessionVersionOf } from '@/test/staff';
import { MAX_UPDATE_BYTES } from './guard';

// A frame the socket itself refuses (over the size cap, or not valid
// WebSocket) is an error on that one socket. The co-editing server shares
// its process with the whole app: such a frame must close that socket, not
// end the process for every newsroom tab (and, resent by a reconnecting
// tab, again after each restart).

const { db, client } = connectTestDb();
let writer: CurrentUser;
let server: { child: ChildProcess; url: string };

beforeAll(async () => {
  writer = await createStaff(db, 'writer');
  server = await startCollabProcess();
});
afterAll(async () => {
  server.child.kill('SIGKILL');
  await client.end();
});

describe('a frame the socket refuses', () => {
  it('closes that socket and leaves the server running for everyone else', async () => {
    const exited: Array<number | null> = [];
    server.child.once('exit', (code) => exited.push(code));
    // No session needed: any socket on the path can send one (a large paste sends one too).
    const socket = new WebSocket(server.url);
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(new Uint8Array(MAX_UPDATE_BYTES + 64 * 1024));
    expect(await closed).toBe(1009);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(exited).toEqual([]);
    const id = await createStory(writer);
    const tab = await connectClient(server.url, id, await sessionCookie(writer, await sessionVersionOf(db, writer.id)));
    expect(tab.denied).toEqual([]);
    expect(tab.provider.isSynced).toBe(true);
    leave(tab);
  });
});
