import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '@/lib/auth/actor';
import { createStory } from '@/lib/stories/working-copy';
import { acknowledged, connectClient, fieldText, leave, sessionCookie, typeIntoField } from '@/test/collab';
import { startCollabProcess } from '@/test/collab-suite';
import { connectTestDb } from '@/test/db';
import { createStaff, sessionVersionOf } from '@/test/staff';

// Durable before acknowledged, tested the hard way: the server process is
// killed with SIGKILL right after acknowledging, with no chance to flush or
// store anything, and a new process must still have every acknowledged word.

const { db, client } = connectTestDb();
let writer: CurrentUser;
const children: ChildProcess[] = [];

beforeAll(async () => {
  writer = await createStaff(db, 'writer');
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await client.end();
});

async function startProcess(): Promise<{ child: ChildProcess; url: string }> {
  const started = await startCollabProcess();
  children.push(started.child);
  return started;
}

describe('acknowledged updates', () => {
  it('survive kill -9 of the server and a restart', async () => {
    const id = await createStory(writer);
    const cookie = await sessionCookie(writer, await sessionVersionOf(db, writer.id));
    const first = await startProcess();
    const tab = await connectClient(first.url, id, cookie);
    const sentences = Array.from({ length: 40 }, (_, n) => `جملة ${n + 1}. `);
    for (const sentence of sentences) {
      typeIntoField(tab.doc, 'standfirst', sentence);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await acknowledged(tab);
    // No grace: the process dies the moment the last acknowledgement arrived, before any debounced store.
    first.child.kill('SIGKILL');
    leave(tab);

    const second = await startProcess();
    const fresh = await connectClient(second.url, id, cookie);
    expect(fresh.denied).toEqual([]);
    expect(fieldText(fresh.doc, 'standfirst')).toBe(sentences.join(''));
    leave(fresh);
    second.child.kill('SIGKILL');
  });
});
