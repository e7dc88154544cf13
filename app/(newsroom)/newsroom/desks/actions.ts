'use server';

import { formAction } from '@/lib/actions';
import { createDesk, deleteDesk, updateDesk } from '@/lib/desk/desks';
import { DESK_LISTS, deskIdSchema, deskSchema, updateDeskSchema } from '@/lib/desk/schemas';

// Each action: the DAL checks that the session's user manages desks, and
// saves the desk, its sections and its editors with an audit entry in one transaction.

export const createDeskAction = formAction(deskSchema, (input, { user, ip }) => createDesk(user, input, { ip }), { lists: DESK_LISTS });
export const updateDeskAction = formAction(updateDeskSchema, (input, { user, ip }) => updateDesk(user, input, { ip }), { lists: DESK_LISTS });
export const deleteDeskAction = formAction(deskIdSchema, (input, { user, ip }) => deleteDesk(user, input, { ip }));
