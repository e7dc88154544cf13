import type { ReactNode } from 'react';

export type ControlProps = { id: string; name: string; 'aria-invalid': boolean; 'aria-describedby'?: string };

/**
 * A labelled form control with its hint and error. The control is rendered
 * by the caller, with the ids this passes, so screen readers announce the
 * hint and the error with it.
 */
export function Field({
  name,
  label,
  hint,
  error,
  children,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: (props: ControlProps) => ReactNode;
}) {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-bold">
        {label}
      </label>
      {children({ id, name, 'aria-invalid': !!error, 'aria-describedby': describedBy })}
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm font-bold text-accent-ink">
          {error}
        </p>
      )}
    </div>
  );
}
