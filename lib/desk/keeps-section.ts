import 'server-only';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Transaction } from '@/db';
import { desks, sections } from '@/db/schema';

// A desk owns at least one open (not archived) section: a desk with none is a
// queue nobody fills. The desks page cannot save one without a section; the
// sections page may not take a desk's last one away by archiving, merging it
// into another desk's section, or deleting it.

/**
 * One desk change at a time: "which desk would be left empty" must not race
 * another change. Section changes that can empty a desk take it too, before
 * they lock the sections table, in the same order as desk changes do.
 */
export const lockDesks = (tx: Transaction) => tx.execute(sql`lock table ${desks} in share row exclusive mode`);

type Placed = { id: string; deskId: string | null; archivedAt: Date | null };

/**
 * Whether taking this open section away from its desk (archive, delete, merge)
 * leaves that desk no open section. A merge into a section of the same desk
 * never does: the target is open, so it is the other section found.
 */
export async function leavesDeskEmpty(tx: Transaction, section: Placed): Promise<boolean> {
  if (!section.deskId || section.archivedAt) return false;
  const [other] = await tx
    .select({ id: sections.id })
    .from(sections)
    .where(and(eq(sections.deskId, section.deskId), ne(sections.id, section.id), isNull(sections.archivedAt)))
    .limit(1);
  return !other;
}
