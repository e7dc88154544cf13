'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { initialsOf, type PresenceUser } from '@/lib/collab/presence';
import type { Collab } from './use-collab';

const isPresenceUser = (value: unknown): value is PresenceUser =>
  typeof value === 'object' && value !== null && typeof (value as PresenceUser).id === 'string' && typeof (value as PresenceUser).name === 'string' && typeof (value as PresenceUser).color === 'string';

const samePerson = (a: PresenceUser, b: PresenceUser | undefined) => a.id === b?.id && a.name === b.name && a.color === b.color;

/** Everyone with the story open now, once each however many tabs they have, oneself first. */
function peopleIn(collab: Collab): PresenceUser[] {
  const people = new Map<string, PresenceUser>([[collab.user.id, collab.user]]);
  for (const state of collab.provider.awareness?.getStates().values() ?? []) {
    const user = (state as { user?: unknown }).user;
    if (isPresenceUser(user) && !people.has(user.id)) people.set(user.id, user);
  }
  return [...people.values()];
}

/** Presence in place of a lock: an avatar (initials in the person's colour) for everyone who has the story open. */
export function PresenceAvatars({ collab }: { collab: Collab }) {
  const t = useTranslations('collab');
  const [people, setPeople] = useState<PresenceUser[]>(() => peopleIn(collab));
  useEffect(() => {
    const awareness = collab.provider.awareness;
    // Awareness changes with every keystroke (the caret moves): re-render only when someone comes or goes.
    const changed = () =>
      setPeople((shown) => {
        const now = peopleIn(collab);
        return now.length === shown.length && now.every((person, i) => samePerson(person, shown[i])) ? shown : now;
      });
    changed();
    awareness?.on('change', changed);
    return () => awareness?.off('change', changed);
  }, [collab]);
  return (
    <ul aria-label={t('present', { count: people.length })} className="flex items-center gap-1" data-testid="presence">
      {people.map((person) => (
        <li key={person.id} title={person.id === collab.user.id ? t('you', { name: person.name }) : person.name} data-user={person.name}>
          <span aria-hidden="true" className="flex size-8 items-center justify-center rounded-full border-2 border-white text-xs font-bold text-white" style={{ backgroundColor: person.color }}>
            {initialsOf(person.name)}
          </span>
          <span className="sr-only">{person.id === collab.user.id ? t('you', { name: person.name }) : person.name}</span>
        </li>
      ))}
    </ul>
  );
}
