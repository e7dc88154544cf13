import { BaseSequencer, type TestSpecification } from 'vitest/node';

// The backup test dumps this run's whole database and compares every row. Run
// first, it dumps a small database in seconds; run last, after every other
// file has written to it, it took minutes on two busy cores and timed out.
export default class BackupFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const first = (spec: TestSpecification) => (spec.moduleId.endsWith('db/backup.int.test.ts') ? 0 : 1);
    return [...sorted].sort((a, b) => first(a) - first(b));
  }
}
