'use client';

import { useTranslations } from 'next-intl';
import { useId, useRef, useState, type ComponentProps } from 'react';
import { Textarea } from '@/components/ui/input';
import { looseName } from '@/lib/comments/mentions';

export type Mentionable = { id: string; name: string; handle: string };

// The word being typed after an "@", up to the caret: what the picker filters by.
const TYPING_MENTION = /(?:^|\s)@([^\s@]{0,40})$/u;
const MAX_OPTIONS = 6;

/**
 * A textarea that offers staff names after "@", as an ARIA combobox: arrows
 * move, Enter or Tab picks, Escape closes. A name matches in either script:
 * its display name (ignoring hamza forms and harakat) or its e-mail handle.
 */
export function MentionTextarea({ staff, onValueChange, ...props }: Omit<ComponentProps<'textarea'>, 'onChange' | 'value'> & { staff: Mentionable[]; value: string; onValueChange: (value: string) => void }) {
  const t = useTranslations('comments');
  const listId = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<string | null>(null);
  const [highlighted, setHighlighted] = useState(0);
  const options =
    query === null
      ? []
      : staff
          .filter((person) => {
            const wanted = looseName(query);
            return looseName(person.name).split(/\s+/).some((word) => word.startsWith(wanted)) || looseName(person.name).startsWith(wanted) || person.handle.toLowerCase().startsWith(wanted);
          })
          .slice(0, MAX_OPTIONS);
  const open = options.length > 0;

  const track = (value: string, caret: number) => {
    const match = TYPING_MENTION.exec(value.slice(0, caret));
    setQuery(match ? (match[1] ?? '') : null);
    setHighlighted(0);
  };

  const pick = (person: Mentionable) => {
    const textarea = ref.current;
    if (!textarea) return;
    const caret = textarea.selectionStart;
    const before = props.value.slice(0, caret).replace(/@[^\s@]*$/u, `@${person.name} `);
    const next = before + props.value.slice(caret);
    onValueChange(next);
    setQuery(null);
    requestAnimationFrame(() => {
      textarea.focus();
      textarea.setSelectionRange(before.length, before.length);
    });
  };

  return (
    <div className="relative">
      <Textarea
        {...props}
        ref={ref}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open ? `${listId}-${highlighted}` : undefined}
        onChange={(event) => {
          onValueChange(event.target.value);
          track(event.target.value, event.target.selectionStart);
        }}
        onKeyDown={(event) => {
          if (!open) return;
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            setHighlighted((current) => (current + (event.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
          } else if (event.key === 'Enter' || event.key === 'Tab') {
            event.preventDefault();
            const person = options[highlighted];
            if (person) pick(person);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            setQuery(null);
          }
        }}
        onBlur={() => setTimeout(() => setQuery(null), 150)}
      />
      <ul id={listId} role="listbox" aria-label={t('mentionList')} hidden={!open} className="absolute inset-x-0 top-full z-20 mt-1 max-h-56 overflow-auto rounded-md border border-rule bg-white py-1 shadow-lg">
        {options.map((person, index) => (
          <li
            key={person.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === highlighted}
            className="cursor-pointer px-3 py-1.5 aria-selected:bg-amber-100"
            onMouseDown={(event) => {
              // Before the textarea's blur closes the list.
              event.preventDefault();
              pick(person);
            }}
          >
            {person.name} <span className="text-sm text-muted" dir="ltr">@{person.handle}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
