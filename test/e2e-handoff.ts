import path from 'node:path';

// Where the e2e web server tells the specs which database it serves.
export function e2eHandoffFile(databaseName: string): string {
  return path.join(process.cwd(), '.data', 'e2e', `${databaseName}.json`);
}
