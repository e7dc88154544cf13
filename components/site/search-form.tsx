import { cn } from '@/components/ui/cn';

type Props = {
  /** Names the search landmark; the header's and the page's differ. */
  landmark: string;
  label: string;
  submit: string;
  inputId: string;
  q?: string;
  /** The header's box keeps its label for screen readers only. */
  compact?: boolean;
  /** Ids of elements that describe the box, such as the syntax hint. */
  describedBy?: string;
};

// A plain GET form to /search: no client code, the query lives in the URL.
export function SearchForm({ landmark, label, submit, inputId, q, compact = false, describedBy }: Props) {
  return (
    <form role="search" aria-label={landmark} action="/search" method="get" className={cn('flex items-end gap-2', compact ? 'w-full sm:w-72' : 'w-full')}>
      <div className="flex-1">
        <label htmlFor={inputId} className={cn(compact ? 'sr-only' : 'mb-1 block font-bold')}>
          {label}
        </label>
        <input
          id={inputId}
          type="search"
          name="q"
          dir="auto"
          defaultValue={q}
          placeholder={compact ? label : undefined}
          maxLength={400}
          aria-describedby={describedBy}
          className={cn(
            'w-full rounded-md border border-rule bg-white px-3 text-ink focus-visible:outline-3 focus-visible:outline-offset-1 focus-visible:outline-accent',
            compact ? 'h-9 text-sm' : 'h-11 text-lg',
          )}
        />
      </div>
      <button
        type="submit"
        className={cn('rounded-md bg-accent px-4 font-bold text-white hover:bg-accent-ink focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-accent', compact ? 'h-9 text-sm' : 'h-11')}
      >
        {submit}
      </button>
    </form>
  );
}
