import { z } from 'zod';
import { COMMENT_MAX } from './mentions';

// One schema per comment form. Control characters are checked again in the DAL,
// which every caller goes through.

const body = z.string().trim().min(1, 'errors.required').max(COMMENT_MAX, 'errors.comments.tooLong');
const id = z.uuid({ error: 'errors.notFound' });

export const newCommentSchema = z
  .object({
    storyId: id,
    body,
    parentId: id.optional(),
    // An inline comment's text-quote selector, as the editor computed it from the selection.
    exact: z.string().min(1).max(1000, 'errors.comments.quoteTooLong').optional(),
    prefix: z.string().max(64).optional(),
    suffix: z.string().max(64).optional(),
    position: z.coerce.number().int().min(0).optional(),
  })
  .transform(({ exact, prefix, suffix, position, ...rest }) => ({
    ...rest,
    anchor: exact ? { exact, prefix: prefix ?? '', suffix: suffix ?? '', position: position ?? 0 } : null,
  }));

export const editCommentSchema = z.object({ commentId: id, body });
export const commentIdSchema = z.object({ commentId: id });
export const resolveCommentSchema = z.object({ commentId: id, resolved: z.enum(['true', 'false']) });
