'use server';

import { formAction } from '@/lib/actions';
import { addComment, deleteComment, editComment, setResolved } from '@/lib/comments/comments';
import { commentIdSchema, editCommentSchema, newCommentSchema, resolveCommentSchema } from '@/lib/comments/schemas';

// Review comments. Who may do what is decided by the DAL (lib/comments/comments.ts);
// none of these touch the story itself.

export const addCommentAction = formAction(newCommentSchema, (input, { user }) => addComment(user, input));

export const editCommentAction = formAction(editCommentSchema, (input, { user }) => editComment(user, input));

export const deleteCommentAction = formAction(commentIdSchema, (input, { user }) => deleteComment(user, input.commentId));

export const resolveCommentAction = formAction(resolveCommentSchema, (input, { user }) => setResolved(user, input.commentId, input.resolved === 'true'));
