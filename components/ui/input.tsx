import type { ComponentProps } from 'react';
import { cn } from './cn';

const control =
  'w-full rounded-md border border-rule bg-white px-3 py-2 text-ink placeholder:text-muted aria-[invalid=true]:border-accent focus-visible:outline-3 focus-visible:outline-offset-1 focus-visible:outline-accent';

export function Input({ className, ...props }: ComponentProps<'input'>) {
  return <input className={cn(control, 'h-10', className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<'textarea'>) {
  return <textarea className={cn(control, 'min-h-24', className)} {...props} />;
}

/** A native select: keyboard, screen-reader and mobile behaviour for free. */
export function Select({ className, ...props }: ComponentProps<'select'>) {
  return <select className={cn(control, 'h-10', className)} {...props} />;
}
