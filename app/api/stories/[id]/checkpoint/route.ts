import { staffJson, withStaffStory } from '@/lib/http/staff-json';
import { checkpointStory, consumeCheckpointQuota, decodeStateVector } from '@/lib/stories/manual-checkpoint';
import { checkpointSchema } from '@/lib/stories/schemas';

// Ctrl+S: a checkpoint (a revision) of the story now. 200 with the revision
// (or `unchanged` when nothing changed since the last one), 409 while the
// server has not stored all the client has seen (retry once acknowledged),
// 422 a bad body, 429 too many, 404 no such story or not theirs to edit.

/** A Ctrl+S pressed as the last keystroke is acknowledged within moments: worth a short wait before answering 409. */
const BEHIND_RETRIES = 3;
const BEHIND_WAIT_MS = 250;

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withStaffStory(params, async (user, storyId) => {
    const input = checkpointSchema.safeParse(await request.json().catch(() => null));
    const stateVector = input.success ? decodeStateVector(input.data.stateVector) : null;
    if (!stateVector) return staffJson(422, { error: 'errors.invalid' });
    const quota = await consumeCheckpointQuota(user.id);
    if (!quota.allowed) return staffJson(429, { error: 'errors.tooManyCheckpoints' }, { 'retry-after': String(quota.retryAfterSeconds) });
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await checkpointStory(user, storyId, { stateVector });
      if (!outcome) return staffJson(404, { error: 'errors.notFound' });
      if (outcome.status !== 'behind') return staffJson(200, outcome);
      if (attempt >= BEHIND_RETRIES) return staffJson(409, { error: 'errors.checkpointBehind' });
      await new Promise((resolve) => setTimeout(resolve, BEHIND_WAIT_MS));
    }
  });
}
