'use client';

import { useSyncExternalStore } from 'react';
import { readTextField } from '@/lib/collab/codec';
import type { TextField } from '@/lib/collab/fields';
import type { Collab } from './use-collab';

/** A text field's current text in the shared document, whoever typed it ('' before the document is open). */
export function useFieldText(collab: Collab | null, field: TextField, initial: string): string {
  return useSyncExternalStore(
    (changed) => {
      const fragment = collab?.doc.getXmlFragment(field);
      fragment?.observeDeep(changed);
      return () => fragment?.unobserveDeep(changed);
    },
    () => (collab ? (readTextField(collab.doc.getXmlFragment(field)) ?? '') : initial),
    () => initial,
  );
}
