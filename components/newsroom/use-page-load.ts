'use client';

import { useEffect } from 'react';

/**
 * Loads `path` as a page of its own once an action has answered with it: for
 * actions that open the story editor (a new story, a restore). Not the
 * action's own redirect: in two CI runs on 2026-12-07 Next's router had the
 * redirect, the editor's data and its code, and never committed the page; the
 * writer was left where they were with nothing happening (docs/newsroom.md,
 * "The desk"). The editor's code, document and socket start anew either way.
 */
export function usePageLoad(path: string | undefined) {
  useEffect(() => {
    // A path on this site only, whatever a future caller hands in: never `//host` or `javascript:`.
    if (path?.startsWith('/') && !path.startsWith('//')) window.location.assign(path);
  }, [path]);
}
