import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ['.next/**', 'node_modules/**', '.data/**', 'drizzle/**', 'next-env.d.ts', 'playwright-report/**', 'test-results/**'] },
  {
    // Reader pages ship no client JavaScript of their own, so they link with
    // plain anchors rather than next/link (a client component).
    files: ['app/(site)/**', 'components/site/**', 'components/article/**', 'app/global-not-found.tsx'],
    rules: { '@next/next/no-html-link-for-pages': 'off' },
  },
  {
    // Playwright fixtures are named `use`; CLIs print to the terminal by design.
    files: ['e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  // CLIs print to the terminal by design.
  { files: ['scripts/**'], rules: { 'no-console': 'off' } },
];
export default config;
