// Runs once when a server process starts. The checks live in a Node-only
// module so the edge bundle of this file stays empty.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    await (await import('./lib/startup-check')).checkServerStartup();
    // In the background, and inside Next, whose article pages load the same renderer anyway (not in our own
    // server's half of the process, where it would be a second copy of Tiptap for nothing).
    void (await import('./lib/reader/stored-bodies')).refreshStoredBodiesInBackground();
  }
}
