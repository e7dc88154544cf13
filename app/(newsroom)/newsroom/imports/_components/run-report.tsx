import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/newsroom/action-form';
import { AutoRefresh } from '@/components/newsroom/auto-refresh';
import { Badge } from '@/components/ui/badge';
import { dominantDirection } from '@/lib/content/direction';
import type { ImportRun } from '@/lib/imports/imports';
import type { MappingRow, PostReport } from '@/lib/imports/report';
import { resumeImportAction, startImportAction } from '../actions';
import { OptionCheckbox } from './option-checkbox';

// One run: the dry run's progress while its job reads the file, then its plan
// (counts, mappings, problems by post) with the start button, the run's
// progress while the job runs (the page re-renders every second), the outcome
// once it is done, and the resume button when it stopped.

const SHOWN_POSTS = 200;

function Mapping({ rows, caption, t }: { rows: MappingRow[]; caption: string; t: Awaited<ReturnType<typeof getTranslations>> }) {
  return (
    <table className="w-full border-collapse text-start text-sm">
      <caption className="mb-2 text-start font-display text-lg font-bold">{caption}</caption>
      <thead>
        <tr className="border-b border-rule">
          <th scope="col" className="py-1 text-start">{t('imports.from')}</th>
          <th scope="col" className="py-1 text-start">{t('imports.to')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.source}:${row.target}`} className="border-b border-rule">
            <td className="py-1" dir={dominantDirection(row.source, 'ar')}>
              {row.source}
            </td>
            <td className="py-1">
              <span dir={dominantDirection(row.target, 'ar')}>{row.target}</span> {row.exists ? <Badge>{t('imports.existing')}</Badge> : <Badge tone="warn">{t('imports.new')}</Badge>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Problems({ posts, t }: { posts: PostReport[]; t: Awaited<ReturnType<typeof getTranslations>> }) {
  const troubled = posts.filter((post) => post.problems.length > 0 || post.outcome === 'failed');
  if (troubled.length === 0) return <p data-testid="import-no-problems">{t('imports.noProblems')}</p>;
  return (
    <>
      <ul className="space-y-2" data-testid="import-problems">
        {troubled.slice(0, SHOWN_POSTS).map((post) => (
          <li key={post.sourceId} className="rounded-md border border-rule p-3">
            <p className="font-bold" dir={dominantDirection(post.title, 'ar')}>
              {post.title || t('imports.untitled')} <span className="text-sm font-normal text-muted">#{post.sourceId}</span>
            </p>
            <ul className="list-disc ps-5 text-sm">
              {post.problems.map((problem, index) => (
                <li key={index}>
                  {t(`imports.problems.${problem.kind}`)}
                  {problem.detail && (
                    <>
                      {': '}
                      <bdi>{problem.detail}</bdi>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {troubled.length > SHOWN_POSTS && <p className="text-muted">{t('imports.morePosts', { count: troubled.length - SHOWN_POSTS })}</p>}
    </>
  );
}

function Planning({ run, t }: { run: ImportRun; t: Awaited<ReturnType<typeof getTranslations>> }) {
  return (
    <div className="space-y-1">
      <AutoRefresh ms={1000} />
      <progress value={run.processed} max={Math.max(run.total, 1)} aria-label={t('imports.progressLabel')} className="w-full" />
      <p data-testid="import-planning">{t('imports.planningProgress', { read: run.processed, total: run.total })}</p>
      <p className="text-sm text-muted">{t('imports.planningHint')}</p>
    </div>
  );
}

export async function RunReport({ run }: { run: ImportRun }) {
  const t = await getTranslations();
  const { report } = run;
  const active = run.state === 'queued' || run.state === 'running';
  const header = (
    <header className="flex flex-wrap items-baseline gap-3">
      <h2 id="import-run" className="font-display text-xl font-bold">
        <bdi>{run.fileName}</bdi>
      </h2>
      <Badge data-testid="import-state">{t(`imports.states.${run.state}`)}</Badge>
    </header>
  );
  // Before the dry run has read the file, or when it could not: there is no report to show.
  if (run.state === 'planning' || (run.state === 'failed' && !run.startedAt)) {
    return (
      <section aria-labelledby="import-run" className="space-y-6 rounded-lg border border-rule bg-white p-6" data-testid="import-run">
        {header}
        {run.state === 'planning' ? (
          <Planning run={run} t={t} />
        ) : (
          <div className="space-y-1" data-testid="import-plan-failed">
            <p className="font-bold text-accent-ink">{t('imports.errors.notExport')}</p>
            {/* The reader's own reason, in the file's terms (an XML line, a JSON path). */}
            <p className="text-sm text-muted" dir="ltr" data-testid="import-plan-reason">
              {run.error}
            </p>
          </div>
        )}
      </section>
    );
  }
  return (
    <section aria-labelledby="import-run" className="space-y-6 rounded-lg border border-rule bg-white p-6" data-testid="import-run">
      {header}      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 sm:grid-cols-4" data-testid="import-counts">
        {(Object.keys(report.counts) as (keyof typeof report.counts)[]).map((key) => (
          <div key={key}>
            <dt className="text-sm text-muted">{t(`imports.counts.${key}`)}</dt>
            <dd className="font-bold">{report.counts[key]}</dd>
          </div>
        ))}
      </dl>
      <p>
        {Object.entries(report.statuses)
          .map(([status, count]) => `${t(`imports.statuses.${status}`)}: ${count}`)
          .join(' · ')}
      </p>
      {run.state === 'planned' && (
        <ActionForm action={startImportAction} submit={t('imports.start')} variant="primary">
          <input type="hidden" name="id" value={run.id} />
          <OptionCheckbox name="staffAccounts" label={t('imports.staffAccounts')} hint={t('imports.staffAccountsHint')} className="basis-full" />
          <p className="basis-full text-sm text-muted">{t('imports.startHint')}</p>
        </ActionForm>
      )}
      {active && (
        <div className="space-y-1">
          <AutoRefresh ms={1000} />
          <progress value={run.processed} max={Math.max(run.total, 1)} aria-label={t('imports.progressLabel')} className="w-full" />
          <p data-testid="import-progress">{t('imports.progress', { processed: run.processed, total: run.total })}</p>
        </div>
      )}
      {run.state === 'failed' && <p className="font-bold text-accent-ink">{t('imports.failed', { error: run.error ?? '' })}</p>}
      {run.resumable && (
        <ActionForm action={resumeImportAction} submit={t('imports.resume')} variant="primary">
          <input type="hidden" name="id" value={run.id} />
          <p className="basis-full text-sm text-muted">{t('imports.resumeHint')}</p>
        </ActionForm>
      )}
      {report.outcome && (
        <div data-testid="import-outcome" className="space-y-1">
          <p className="font-bold">
            {(Object.keys(report.outcome) as (keyof typeof report.outcome)[]).map((key) => `${t(`imports.outcome.${key}`)}: ${report.outcome![key] ?? 0}`).join(' · ')}
          </p>
          {report.outcome.created === 0 && report.outcome.failed === 0 && <p>{t('imports.nothingChanged')}</p>}
        </div>
      )}
      <div className="grid gap-6 md:grid-cols-2">
        <Mapping rows={report.sections} caption={t('imports.sectionsMapping')} t={t} />
        <Mapping rows={report.authors} caption={t('imports.authorsMapping')} t={t} />
      </div>
      <section aria-labelledby="import-problems" className="space-y-2">
        <h3 id="import-problems" className="font-display text-lg font-bold">
          {t('imports.problemsTitle')}
        </h3>
        <Problems posts={report.posts} t={t} />
      </section>
    </section>
  );
}
