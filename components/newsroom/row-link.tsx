import Link from 'next/link';
import type { ComponentProps } from 'react';

/**
 * A link repeated on every row of a newsroom list (stories, queues, people,
 * hooks, notifications, the audit log, the media grid): never prefetched.
 * Next prefetches each link that scrolls into view, and all of them again
 * whenever the router's tree changes (after any action); every prefetch of a
 * newsroom page is a server render behind the session check: the story list
 * alone sent 23 on each view, the desk 17.
 */
export function RowLink(props: ComponentProps<typeof Link>) {
  return <Link {...props} prefetch={false} />;
}
