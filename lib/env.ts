import { z } from 'zod';

// One place reads the environment. Everything else asks getEnv(), so a
// misconfiguration fails in one predictable spot with one readable line.
const booleanFlag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .optional()
    .transform((value) => (value ? value : undefined))
    .refine((value) => value === undefined || /^postgres(ql)?:\/\//.test(value), {
      message: 'must start with postgres:// or postgresql://',
    }),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  // A hung database must not hang the app: connecting gives up after this many seconds, and a
  // statement after DATABASE_STATEMENT_TIMEOUT_MS (on the server, and on the client for a server that no longer answers).
  DATABASE_CONNECT_TIMEOUT_S: z.coerce.number().int().min(1).max(60).default(3),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(3_000),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  DATA_DIR: z.string().optional(),
  AUTH_SECRET: z
    .string()
    .optional()
    .transform((value) => value || undefined)
    .refine((value) => value === undefined || value.length >= 32, 'must be at least 32 characters'),
  // true: demo accounts, plus demo sections and a second desk with its editor; accounts: the accounts alone
  // (the e2e suite's server: its specs make their own sections).
  SEED_DEMO: z
    .enum(['true', 'false', '1', '0', '', 'accounts'])
    .optional()
    .transform((value) => (value === 'accounts' ? 'accounts' : value === 'true' || value === '1' ? 'newsroom' : 'none')),
  // /api/metrics answers only `Authorization: Bearer <METRICS_TOKEN>`; unset, it answers nobody.
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SITE_URL: z.url().default('http://localhost:3000'),
  // Proxies in front of the app whose X-Forwarded-For entries are trusted (see lib/http/client-ip.ts).
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  // Sign-in throttling: production reads these too; tests may tighten or loosen them.
  SIGNIN_PAIR_LIMIT: z.coerce.number().int().min(1).default(5),
  SIGNIN_IP_LIMIT: z.coerce.number().int().min(1).default(50),
  SIGNIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  SIGNIN_LOCKOUT_MINUTES: z.coerce.number().positive().default(15),
  // Public searches allowed per client IP per window (lib/search/rate-limit.ts).
  SEARCH_RATE_LIMIT: z.coerce.number().int().min(1).default(60),
  SEARCH_RATE_WINDOW_SECONDS: z.coerce.number().positive().default(60),
  // Content API calls allowed per key per window (lib/api/keys.ts).
  API_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  API_RATE_WINDOW_SECONDS: z.coerce.number().positive().default(60),
  // Webhook deliveries (lib/webhooks/send.ts): one attempt's deadline, and how many attempts before a delivery fails.
  WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().positive().max(60).default(10),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(25).default(8),
  INVITATION_TTL_HOURS: z.coerce.number().positive().default(72),
  PASSWORD_RESET_TTL_HOURS: z.coerce.number().positive().default(24),
  SESSION_MAX_AGE_HOURS: z.coerce.number().positive().default(12),
  // Media storage: the data folder by default, or S3-compatible object storage (lib/media/storage.ts).
  MEDIA_STORAGE: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.url().optional(),
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: booleanFlag,
  // Upload limits; production reads these too, so the refusals can be tested with the same code.
  MEDIA_MAX_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024),
  // Largest WordPress or Ghost export the newsroom accepts (lib/imports); the CLI reads any size.
  IMPORT_MAX_BYTES: z.coerce.number().int().positive().default(256 * 1024 * 1024),
  MEDIA_MAX_SIDE: z.coerce.number().int().positive().default(12_000),
  // Shared state between app instances (co-editing documents, the reader response cache, the data cache); unset, one instance works alone.
  REDIS_URL: z
    .string()
    .optional()
    .transform((value) => value || undefined)
    .refine((value) => value === undefined || /^rediss?:\/\//.test(value), 'must start with redis:// or rediss://'),
  PAGE_CACHE_MAX_MB: z.coerce.number().positive().max(4096).default(64),
  PAGE_CACHE_TTL_SECONDS: z.coerce.number().int().positive().default(3600),
  // A CDN in front: how long it may keep a reader page, and the hook it is purged through.
  CDN_S_MAXAGE_SECONDS: z.coerce.number().int().min(0).default(60),
  CDN_STALE_WHILE_REVALIDATE_SECONDS: z.coerce.number().int().min(0).default(60),
  CDN_PURGE_URL: z.url().optional(),
  CDN_PURGE_TOKEN: z.string().min(1).optional(),
}).refine((env) => env.MEDIA_STORAGE !== 's3' || Boolean(env.S3_BUCKET), { message: 'MEDIA_STORAGE=s3 needs S3_BUCKET', path: ['S3_BUCKET'] });

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Parses the environment once; throws an Error whose message is one line per bad variable. */
export function getEnv(): Env {
  if (cached) return cached;
  const result = envSchema.safeParse(process.env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment: ${lines.join('; ')}`);
  }
  cached = result.data;
  return cached;
}

/**
 * The start script learns DATABASE_URL (the embedded server's) only after it
 * has checked the environment, and the server it then starts in the same
 * process reads the parsed copy: keep both in step.
 */
export function adoptDatabaseUrl(url: string): void {
  process.env.DATABASE_URL = url;
  if (cached) cached = { ...cached, DATABASE_URL: url };
}

/** Host part of a database URL, for error messages that must never print the password. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}`;
  } catch {
    return '(unparseable URL)';
  }
}

/**
 * What a production server cannot start without. Returns one line naming the
 * problem, or null. Called by the start script and again by the server itself.
 */
export function assertServerEnv(): string | null {
  let env: Env;
  try {
    env = getEnv();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  if (env.NODE_ENV === 'production' && !env.AUTH_SECRET) {
    return 'AUTH_SECRET is not set: generate one with `openssl rand -base64 32` and set it before `npm start`';
  }
  return null;
}
