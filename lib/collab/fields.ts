import { storySaveSchema } from '@/lib/stories/schemas';

// Where each part of a story lives in its Yjs document. The body is one
// XmlFragment edited by the full editor; each text field is an XmlFragment of
// its own holding a single paragraph, edited by a one-line editor, so that
// carets and presence work the same way in the fields as in the body.

export const BODY_FIELD = 'body';
export const TEXT_FIELDS = ['kicker', 'headline', 'subheadline', 'standfirst', 'seoTitle', 'seoDescription'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** The only top-level names a story document may have: anything else in an update is refused. */
export const ROOT_NAMES: ReadonlySet<string> = new Set([BODY_FIELD, ...TEXT_FIELDS]);

/** The same limits as a save through the form: one definition of each field. */
export const textFieldsSchema = storySaveSchema.pick(Object.fromEntries(TEXT_FIELDS.map((field) => [field, true])) as Record<TextField, true>);

/** The WebSocket path of the co-editing server, on the app's own port (the editor connects to it on the page's origin). */
export const COLLAB_PATH = '/collab';

/** The document's name on the socket: one document per story. */
export const documentNameOf = (storyId: string) => `story:${storyId}`;
const NAME = /^story:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
export function storyIdOf(documentName: string): string | null {
  return NAME.exec(documentName)?.[1] ?? null;
}
