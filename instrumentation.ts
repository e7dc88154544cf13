// Runs once when a server process starts. The checks live in a Node-only
// module so the edge bundle of this file stays empty.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    await (await import('./lib/startup-check')).checkServerStartup();
  }
}
