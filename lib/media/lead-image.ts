import { eq } from 'drizzle-orm';
import type { Executor } from '@/db';
import { media, type LeadImageRef } from '@/db/schema';

// The lead image as readers get it: the library's text, unless the story
// overrides it. Not server-only: publishing runs in the job runner too.

export type LeadImageChoice = { leadImageId: string | null; leadImageAlt: string | null; leadImageCaption: string | null; leadImageCredit: string | null };

export async function resolveLeadImage(db: Executor, choice: LeadImageChoice): Promise<LeadImageRef | null> {
  if (!choice.leadImageId) return null;
  const [row] = await db.select().from(media).where(eq(media.id, choice.leadImageId));
  if (!row) return null;
  return {
    id: row.id,
    width: row.width,
    height: row.height,
    placeholder: row.placeholder,
    alt: choice.leadImageAlt ?? row.alt,
    caption: choice.leadImageCaption ?? row.caption,
    credit: choice.leadImageCredit ?? row.credit,
  };
}
