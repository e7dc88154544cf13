'use client';

import { useRouter } from 'next/navigation';
import { useCallback } from 'react';
import { usePollWhileVisible } from './use-poll';

/** Re-renders the server page it sits on every `ms` while visible, so counts on it stay current without a reload. */
export function AutoRefresh({ ms }: { ms: number }) {
  const router = useRouter();
  const refresh = useCallback(() => router.refresh(), [router]);
  usePollWhileVisible(refresh, ms);
  return null;
}
