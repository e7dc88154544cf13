import { getCurrentUser } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { Forbidden, isDatabaseUnavailable } from '@/lib/dal';
import { getEnv } from '@/lib/env';
import { getRequestIp } from '@/lib/http/request-ip';
import { staffJson as json } from '@/lib/http/staff-json';
import { createImport } from '@/lib/imports/imports';
import { fileNameSchema, uploadQuerySchema } from '@/lib/imports/schemas';

// An export's upload (admins): the file is the raw body, streamed to disk with
// a size cap (IMPORT_MAX_BYTES), and its dry run queued as a job. Outside the
// proxy's matcher, as /api/media is: the proxy would buffer the body. 202 with
// the run's id (the run's page shows the dry run's progress, then its report,
// or the reader's reason when the file is no export of that kind); 413 too
// large; 422 for anything else refused (a bad query or name, an empty body);
// 503 while the database is down; never a 500.

export async function POST(request: Request): Promise<Response> {
  try {
    const user = await getCurrentUser();
    if (!user) return json(401, { error: 'errors.signedOut' });
    if (!can(user, 'imports:run')) return json(404, { error: 'errors.notFound' });
    const query = uploadQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return json(422, { error: query.error.issues[0]?.message ?? 'errors.invalid' });
    let rawName: string;
    try {
      rawName = decodeURIComponent(request.headers.get('x-file-name') ?? '');
    } catch {
      return json(422, { error: 'imports.errors.badName' });
    }
    const fileName = fileNameSchema.safeParse(rawName);
    if (!fileName.success) return json(422, { error: fileName.error.issues[0]?.message ?? 'imports.errors.badName' });
    if (Number(request.headers.get('content-length') ?? 0) > getEnv().IMPORT_MAX_BYTES) return json(413, { error: 'imports.errors.tooLarge' });
    const created = await createImport(user, { ...query.data, fileName: fileName.data, body: request.body }, { ip: await getRequestIp() });
    if (created.ok) return json(202, { id: created.id });
    if (created.problem === 'tooLarge') return json(413, { error: 'imports.errors.tooLarge' });
    return json(422, { error: 'imports.errors.empty' });
  } catch (error) {
    if (error instanceof Forbidden) return json(404, { error: 'errors.notFound' });
    if (isDatabaseUnavailable(error)) return json(503, { error: 'errors.databaseDown' });
    throw error;
  }
}
