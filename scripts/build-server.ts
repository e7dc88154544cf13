import { buildServer, SERVER_OUT_DIR } from './server-bundle';

// `npm run build`, after `next build`: the server compiled for `npm start` (scripts/server-bundle.ts).

const started = Date.now();
await buildServer();
console.log(`sahifa: server compiled to ${SERVER_OUT_DIR} in ${Date.now() - started} ms`);
