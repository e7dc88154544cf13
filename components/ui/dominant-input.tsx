'use client';

import { useState, type ComponentProps } from 'react';
import { dominantDirection, type Direction } from '@/lib/content/direction';
import { Input, Textarea } from './input';

// Uncontrolled fields of server-rendered forms (sections, tags) that read in
// the direction of their dominant script as the writer types, like the story
// editor's fields: «OpenAI للأخبار» stays right to left, where dir="auto" would
// let its first letter turn it around. A tie takes the Arabic UI's direction.
function useDominantDir(initial: unknown) {
  const [dir, setDir] = useState<Direction>(() => dominantDirection(typeof initial === 'string' ? initial : '', 'ar'));
  const onInput = (event: { currentTarget: { value: string } }) => setDir(dominantDirection(event.currentTarget.value, 'ar'));
  return { dir, onInput };
}

export function DominantInput(props: Omit<ComponentProps<'input'>, 'dir'>) {
  return <Input {...props} {...useDominantDir(props.defaultValue ?? props.value)} />;
}

export function DominantTextarea(props: Omit<ComponentProps<'textarea'>, 'dir'>) {
  return <Textarea {...props} {...useDominantDir(props.defaultValue ?? props.value)} />;
}
