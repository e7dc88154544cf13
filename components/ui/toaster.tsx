'use client';

import { Toast } from 'radix-ui';
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

type ToastMessage = { id: number; text: string };
const ToastContext = createContext<(text: string) => void>(() => {});

/** Radix toasts: announced politely to screen readers, swiped towards the inline end. */
/** `regionLabel` names the toast region for screen readers; Radix puts the hotkey where it says {hotkey}. */
export function Toaster({ children, dir, label, regionLabel }: { children: ReactNode; dir: 'rtl' | 'ltr'; label: string; regionLabel: string }) {
  const [toasts, setToasts] = useState<ToastMessage[]>([]);
  const show = useCallback((text: string) => setToasts((current) => [...current, { id: Date.now() + Math.random(), text }]), []);
  return (
    <ToastContext.Provider value={show}>
      <Toast.Provider swipeDirection={dir === 'rtl' ? 'left' : 'right'} duration={5000} label={label}>
        {children}
        {toasts.map((toast) => (
          <Toast.Root
            key={toast.id}
            className="rounded-md border border-rule bg-white px-4 py-3 shadow-lg"
            onOpenChange={(open) => !open && setToasts((current) => current.filter((t) => t.id !== toast.id))}
          >
            <Toast.Description>{toast.text}</Toast.Description>
          </Toast.Root>
        ))}
        <Toast.Viewport label={regionLabel} className="fixed bottom-4 end-4 z-50 flex w-80 max-w-[calc(100vw-2rem)] flex-col gap-2" />
      </Toast.Provider>
    </ToastContext.Provider>
  );
}

export function useToast(): (text: string) => void {
  return useContext(ToastContext);
}
