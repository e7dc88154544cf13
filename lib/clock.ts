// The one source of "now". Tests steer time by writing rows with past
// timestamps or by configuring durations, never by swapping this out.
export function now(): Date {
  return new Date();
}

export function addMs(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms);
}
