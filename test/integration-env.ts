import { inject } from 'vitest';

// Point the app's own database client (getDb) at this run's fresh database
// before any module reads the environment.
process.env.DATABASE_URL = inject('databaseUrl');
