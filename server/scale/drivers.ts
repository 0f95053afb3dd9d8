import { createRequire } from 'node:module';
import type * as Ioredis from 'ioredis';
import type Pg from 'pg';

const require = createRequire(import.meta.url);

/*
 * The PostgreSQL and Redis client libraries, loaded when a scale-out store or bus is made, not
 * when the server starts: an instance on its embedded SQLite never uses them. With docx (loaded
 * on the first Word export, exports/docx.ts) they were 21 MB of an idle compiled server's 87 MB
 * resident memory (issue 19: the server's memory against the reference's).
 */
export const loadPg = (): typeof Pg => require('pg') as typeof Pg;
export const loadRedis = (): typeof Ioredis => require('ioredis') as typeof Ioredis;
