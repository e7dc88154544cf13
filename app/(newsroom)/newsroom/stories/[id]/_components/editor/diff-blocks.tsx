import { useTranslations } from 'next-intl';
import type { BlockChange, FieldChange } from '@/lib/stories/diff';

/** A compact diff: changed fields, then only the blocks that differ, with word-level marks. */
export function DiffBlocks({ blocks, fields }: { blocks: BlockChange[]; fields: FieldChange[] }) {
  const t = useTranslations('history');
  const changed = blocks.filter((block) => block.kind !== 'same');
  if (changed.length === 0 && fields.length === 0) return <p>{t('noChanges')}</p>;
  return (
    <div className="space-y-2 text-sm leading-loose">
      {fields.map((field) => (
        <p key={field.field} dir="auto">
          <span className="font-bold">{t(`fields.${field.field}`)}: </span>
          <del className="bg-red-100">{field.before || '—'}</del> → <ins className="bg-green-100 no-underline">{field.after || '—'}</ins>
        </p>
      ))}
      {changed.map((block, index) =>
        block.kind === 'changed' ? (
          <p key={index} dir={block.dir} data-diff="changed">
            {block.words.map((word, i) =>
              word.added ? (
                <ins key={i} className="bg-green-100 no-underline">{word.value}</ins>
              ) : word.removed ? (
                <del key={i} className="bg-red-100">{word.value}</del>
              ) : (
                <span key={i}>{word.value}</span>
              ),
            )}
          </p>
        ) : block.kind === 'added' ? (
          <p key={index} dir={block.dir} data-diff="added" className="bg-green-50">
            <ins className="no-underline">{block.text}</ins>
          </p>
        ) : (
          <p key={index} dir={block.dir} data-diff="removed" className="bg-red-50">
            <del>{block.text}</del>
          </p>
        ),
      )}
    </div>
  );
}
