import base from './playwright.config';
import { defineConfig } from '@playwright/test';

// Temporary (issue 20 helper): the setup, then the specs named in I20_SPECS, one worker.
export default defineConfig({
  ...base,
  projects: [base.projects![0]!, { name: 'mine', testMatch: new RegExp(process.env.I20_SPECS ?? 'desks\\.serial\\.spec\\.ts$'), workers: 1, dependencies: ['setup'] }],
});
