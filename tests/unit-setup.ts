import { vi } from 'vitest';

/**
 * The unit tier runs without services. Redis and PostgreSQL are pointed at a port nothing listens
 * on, and child processes refuse to start, so that a test needing any of them fails here, on every
 * machine, instead of passing on one where the services happen to run.
 */
const CLOSED_PORT = 1;
process.env.PARALLAX_TEST_DATABASE_URL = `postgres://postgres@127.0.0.1:${CLOSED_PORT}/test`;
process.env.DATABASE_URL = process.env.PARALLAX_TEST_DATABASE_URL;
process.env.PARALLAX_TEST_REDIS_URL = `redis://127.0.0.1:${CLOSED_PORT}`;
process.env.REDIS_URL = process.env.PARALLAX_TEST_REDIS_URL;

vi.mock('node:child_process', () => {
  const refuse = () => {
    throw new Error('a unit test starts no child process: list this file as an integration test (vitest.config.ts)');
  };
  return { spawn: refuse, fork: refuse, exec: refuse, execFile: refuse, spawnSync: refuse, execSync: refuse, execFileSync: refuse };
});
