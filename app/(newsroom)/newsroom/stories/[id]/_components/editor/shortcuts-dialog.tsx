'use client';

import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';

export const SHORTCUTS = [
  ['save', 'Ctrl+S'],
  ['bold', 'Ctrl+B'],
  ['italic', 'Ctrl+I'],
  ['link', 'Ctrl+K'],
  ['h2', 'Ctrl+Alt+2'],
  ['h3', 'Ctrl+Alt+3'],
  ['h4', 'Ctrl+Alt+4'],
  ['paragraph', 'Ctrl+Alt+0'],
  ['undo', 'Ctrl+Z'],
  ['redo', 'Ctrl+Shift+Z'],
  ['help', 'Ctrl+/'],
] as const;

export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useTranslations('editor');
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={t('shortcutsTitle')}>
      <table className="w-full">
        <tbody className="divide-y divide-rule">
          {SHORTCUTS.map(([key, keys]) => (
            <tr key={key}>
              <th scope="row" className="py-2 text-start font-normal">
                {t(`keys.${key}`)}
              </th>
              <td className="py-2 text-end">
                <kbd dir="ltr" className="rounded border border-rule bg-paper px-2 py-0.5 font-mono text-sm">
                  {keys}
                </kbd>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-sm text-muted" dir="ltr">
        macOS: ⌘ = Ctrl, ⌥ = Alt
      </p>
      <div className="mt-4 flex justify-end">
        <Button variant="secondary" onClick={() => onOpenChange(false)}>
          {t('close')}
        </Button>
      </div>
    </Dialog>
  );
}
