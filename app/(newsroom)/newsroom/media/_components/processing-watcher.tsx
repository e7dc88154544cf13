'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** While some image on the page is still being processed, re-reads the page every few seconds so its state updates. */
export function ProcessingWatcher() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') router.refresh();
    }, 4_000);
    return () => clearInterval(timer);
  }, [router]);
  return null;
}
