'use client';

import { ArrowDown, ArrowUp, X } from 'lucide-react';
import { useFormatter, useTranslations } from 'next-intl';
import { useActionState, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormStatus } from '@/components/ui/form-status';
import { Select } from '@/components/ui/input';
import type { FormState } from '@/lib/actions';
import { saveFrontAction } from '../actions';

type Candidate = { storyId: string; headline: string; sectionName: string; publishedAt: string };

/** Choose the lead, then add, order and remove top stories; nothing changes for readers until "Save". */
export function FrontEditor({ state, max }: { state: { lead: string | null; top: string[]; candidates: Candidate[] }; max: number }) {
  const t = useTranslations('front');
  const format = useFormatter();
  const leadId = useId();
  const addId = useId();
  const [lead, setLead] = useState(state.lead ?? '');
  const [top, setTop] = useState(state.top);
  const [result, save, saving] = useActionState<FormState, FormData>(saveFrontAction, {});
  // "Saved" describes what is on screen only until the next change: compare the choice shown
  // with the one last sent (or loaded), so a later change reads as unsaved, not as saved.
  const shown = JSON.stringify([lead, top]);
  const [sent, setSent] = useState(shown);
  const [loaded] = useState(shown);
  const stored = result.ok ? sent : loaded;
  const byId = new Map(state.candidates.map((c) => [c.storyId, c]));
  const label = (c: Candidate) => `${c.headline} — ${c.sectionName}, ${format.dateTime(new Date(c.publishedAt), 'date')}`;
  const addable = state.candidates.filter((c) => c.storyId !== lead && !top.includes(c.storyId));
  const move = (index: number, by: -1 | 1) =>
    setTop((list) => {
      const next = [...list];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item as string);
      return next;
    });

  return (
    <form action={save} onSubmit={() => setSent(shown)} className="space-y-6">
      <input type="hidden" name="top" value={top.join(',')} />
      <section className="space-y-2 rounded-lg border border-rule bg-white p-4">
        <label htmlFor={leadId} className="block font-display text-lg font-bold">
          {t('lead')}
        </label>
        <Select id={leadId} name="lead" value={lead} onChange={(event) => setLead(event.target.value)}>
          <option value="">{t('noLead')}</option>
          {state.candidates
            .filter((c) => !top.includes(c.storyId))
            .map((c) => (
              <option key={c.storyId} value={c.storyId}>
                {label(c)}
              </option>
            ))}
        </Select>
      </section>
      <section aria-labelledby="top-heading" className="space-y-3 rounded-lg border border-rule bg-white p-4">
        <h2 id="top-heading" className="font-display text-lg font-bold">
          {t('top', { count: top.length, max })}
        </h2>
        {top.length === 0 ? (
          <p className="text-sm text-muted">{t('noTop')}</p>
        ) : (
          <ol className="space-y-2" data-testid="front-top">
            {top.map((id, index) => {
              const story = byId.get(id);
              return (
                <li key={id} className="flex items-center gap-2 rounded-md border border-rule p-2">
                  <span className="w-6 text-center font-bold text-muted">{format.number(index + 1, 'count')}</span>
                  <span className="flex-1">{story ? label(story) : id}</span>
                  <Button type="button" size="sm" variant="secondary" aria-label={t('moveUp', { headline: story?.headline ?? '' })} disabled={index === 0} onClick={() => move(index, -1)}>
                    <ArrowUp aria-hidden className="size-4" />
                  </Button>
                  <Button type="button" size="sm" variant="secondary" aria-label={t('moveDown', { headline: story?.headline ?? '' })} disabled={index === top.length - 1} onClick={() => move(index, 1)}>
                    <ArrowDown aria-hidden className="size-4" />
                  </Button>
                  <Button type="button" size="sm" variant="secondary" aria-label={t('remove', { headline: story?.headline ?? '' })} onClick={() => setTop((list) => list.filter((item) => item !== id))}>
                    <X aria-hidden className="size-4" />
                  </Button>
                </li>
              );
            })}
          </ol>
        )}
        {top.length < max && addable.length > 0 && (
          <div>
            <label htmlFor={addId} className="mb-1 block text-sm font-bold">
              {t('add')}
            </label>
            <Select
              id={addId}
              value=""
              onChange={(event) => {
                const id = event.target.value;
                if (id) setTop((list) => [...list, id]);
              }}
            >
              <option value="">{t('choose')}</option>
              {addable.map((c) => (
                <option key={c.storyId} value={c.storyId}>
                  {label(c)}
                </option>
              ))}
            </Select>
          </div>
        )}
      </section>
      <FormStatus error={saving ? undefined : result.error} success={!saving && result.ok && sent === shown ? t('saved') : null} />
      {!saving && shown !== stored && <p className="text-sm font-bold text-muted">{t('unsaved')}</p>}
      <Button type="submit" disabled={saving}>
        {t('save')}
      </Button>
    </form>
  );
}
