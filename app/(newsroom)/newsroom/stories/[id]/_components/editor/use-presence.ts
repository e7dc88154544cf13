'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { editorRequestSignal } from '@/lib/http/request-timeout';
import { HEARTBEAT_MS } from '@/lib/stories/autosave';

export type PresenceState = {
  /** null until the first heartbeat answers. */
  mine: boolean | null;
  holder: { name: string; since: Date } | null;
  /** This tab held the lock and someone took it over. */
  takenOver: boolean;
};

type Answer = { mine: boolean; holder: { name: string; since: string } | null };

/** The soft lock: a heartbeat every 15 s while the editor is open, take-over on request, release as the tab closes. */
export function usePresence(storyId: string, sessionId: string, enabled: boolean): PresenceState & { takeOver: () => Promise<void> } {
  const [state, setState] = useState<PresenceState>({ mine: enabled ? null : false, holder: null, takenOver: false });
  const wasMine = useRef(false);
  const url = `/api/stories/${storyId}/presence`;

  const apply = useCallback((answer: Answer) => {
    const holder = answer.holder ? { name: answer.holder.name, since: new Date(answer.holder.since) } : null;
    const takenOver = wasMine.current && !answer.mine;
    wasMine.current = answer.mine;
    setState((previous) => ({ mine: answer.mine, holder, takenOver: takenOver || (previous.takenOver && !answer.mine) }));
  }, []);

  const send = useCallback(
    async (action: 'heartbeat' | 'take_over') => {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action, sessionId }), signal: editorRequestSignal() }).catch(() => null);
      // Offline or the server is down: keep the last known state; the save loop reports the outage.
      if (response?.ok) apply((await response.json()) as Answer);
    },
    [apply, sessionId, url],
  );

  useEffect(() => {
    if (!enabled) return;
    void send('heartbeat');
    const timer = setInterval(() => void send('heartbeat'), HEARTBEAT_MS);
    const onPageHide = () => navigator.sendBeacon(url, new Blob([JSON.stringify({ action: 'release', sessionId })], { type: 'application/json' }));
    window.addEventListener('pagehide', onPageHide);
    return () => {
      clearInterval(timer);
      window.removeEventListener('pagehide', onPageHide);
    };
  }, [enabled, send, sessionId, url]);

  const takeOver = useCallback(() => send('take_over'), [send]);
  return { ...state, takeOver };
}
