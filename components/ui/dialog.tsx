'use client';

import { Dialog as RadixDialog } from 'radix-ui';
import type { ReactNode } from 'react';

/** A modal dialog: focus trapped, Escape closes, title announced. */
export function Dialog({ open, onOpenChange, title, children, wide }: { open: boolean; onOpenChange: (open: boolean) => void; title: ReactNode; children: ReactNode; wide?: boolean }) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <RadixDialog.Content aria-describedby={undefined} className={`fixed inset-x-4 top-1/2 z-50 mx-auto max-h-[85vh] -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-6 shadow-xl ${wide ? 'max-w-4xl' : 'max-w-lg'}`}>
          <RadixDialog.Title className="mb-4 font-display text-lg font-bold">{title}</RadixDialog.Title>
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
