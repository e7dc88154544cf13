import pino from 'pino';

// Structured logs on stdout; pretty-printing is the reader's job (pipe to pino-pretty).
export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { app: 'sahifa' },
  redact: ['password', '*.password', 'passwordHash', '*.passwordHash', 'token', '*.token'],
});
