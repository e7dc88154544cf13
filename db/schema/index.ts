// The database schema, by area. drizzle.config.ts points at this folder;
// the app imports everything from '@/db/schema'.
export * from './enums';
export * from './columns';
export * from './content';
export * from './accounts';
export * from './desks';
export * from './stories';
export * from './reader';
export * from './media';
export * from './comments';
export * from './settings';
export * from './sign-in';
export * from './collab';
export * from './integrations';
export * from './imports';
export * from './jobs';
