'use client';

import { useEffect } from 'react';

/**
 * Calls `poll` every `ms` while the tab is visible, and at once when the tab
 * or window comes back: a hidden tab never asks. The bell and the desk's
 * queues keep themselves current this way.
 */
export function usePollWhileVisible(poll: () => void, ms: number): void {
  useEffect(() => {
    const tick = () => {
      if (document.visibilityState === 'visible') poll();
    };
    const timer = window.setInterval(tick, ms);
    window.addEventListener('focus', tick);
    document.addEventListener('visibilitychange', tick);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', tick);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [poll, ms]);
}
