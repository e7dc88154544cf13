import { test as setup } from '@playwright/test';
import { demoEmail, DEMO_PASSWORD, newClient, signIn, storageStateOf, type DemoRole } from './session';

// One signed-in state per role; specs reuse them with test.use({ storageState }).
for (const role of ['writer', 'editor', 'admin'] as DemoRole[]) {
  setup(`sign in as ${role}`, async ({ browser }) => {
    const context = await newClient(browser);
    const page = await context.newPage();
    await signIn(page, demoEmail(role), DEMO_PASSWORD);
    await context.storageState({ path: storageStateOf(role) });
    await context.close();
  });
}
