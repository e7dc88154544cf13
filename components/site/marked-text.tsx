import { Fragment } from 'react';
import type { Segment } from '@/lib/search/snippets';

// Text with the words a search matched in <mark>. Plain React text: nothing
// from the database is ever parsed as HTML.
export function MarkedText({ segments }: { segments: Segment[] }) {
  return segments.map((segment, index) =>
    segment.mark ? (
      <mark key={index} className="rounded-sm bg-amber-200 px-0.5 text-ink">
        {segment.text}
      </mark>
    ) : (
      <Fragment key={index}>{segment.text}</Fragment>
    ),
  );
}
