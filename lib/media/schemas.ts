import { z } from 'zod';
import { refuseControlChars, stripControlChars } from '@/lib/text/control-chars';

// Input of the media library's actions and routes. Messages are catalogue keys under "errors".

const text = (max: number) => refuseControlChars(z.string().max(max, 'errors.tooLong')).transform((value) => value.trim());

export const mediaTextSchema = z.object({
  id: z.uuid({ error: 'errors.notFound' }),
  alt: text(300),
  caption: text(600),
  credit: text(200),
  source: text(300),
});
export type MediaTextInput = z.infer<typeof mediaTextSchema>;

export const mediaIdSchema = z.object({ id: z.uuid({ error: 'errors.notFound' }) });

export const mediaFilterSchema = z.object({
  q: z.string().transform(stripControlChars).pipe(z.string().trim().max(200)).optional().catch(undefined),
  uploader: z.uuid().optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type MediaFilter = z.infer<typeof mediaFilterSchema>;
