import { pino, type Logger } from 'pino';

/** Structured JSON logs. Never log document content, only ids and sizes. */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { service: 'samskab' } });
}

export type { Logger };
