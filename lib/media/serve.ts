import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { media } from '@/db/schema';

// What the media route needs to know about an id: public, since readers need
// images without a session; ids are random UUIDs and only renditions are served.

export async function findServableMedia(id: string): Promise<{ width: number; state: 'processing' | 'ready' | 'failed'; renditions: string[] } | null> {
  const [row] = await getDb().select({ width: media.width, state: media.state, renditions: media.renditions }).from(media).where(eq(media.id, id));
  return row ? { width: row.width, state: row.state, renditions: row.renditions.map((r) => r.name) } : null;
}
