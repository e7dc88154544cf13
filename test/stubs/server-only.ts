// Vitest runs outside React's server environment, where `server-only` would
// throw on import. The DAL modules are server code, so they may load here.
export {};
