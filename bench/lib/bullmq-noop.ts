import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';

/**
 * The floor under any BullMQ pipeline on this machine: jobs per second through add and a worker
 * that does nothing. Jobs are added in bulk and processed at the given concurrency.
 */
export async function noopJobsPerSecond(redisUrl: string, jobs: number, concurrency: number): Promise<number> {
  const prefix = `pxbench-${process.pid}`;
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue('noop', { connection, prefix });
  await queue.obliterate({ force: true }).catch(() => {});
  let done = 0;
  let finish: () => void = () => {};
  const finished = new Promise<void>((r) => (finish = r));
  const started = performance.now();
  for (let i = 0; i < jobs; i += 1000) {
    await queue.addBulk(Array.from({ length: Math.min(1000, jobs - i) }, (_, k) => ({ name: 'noop', data: { i: i + k }, opts: { removeOnComplete: true } })));
  }
  const worker = new Worker('noop', async () => {
    if (++done === jobs) finish();
  }, { connection: new Redis(redisUrl, { maxRetriesPerRequest: null }), prefix, concurrency });
  await finished;
  const seconds = (performance.now() - started) / 1000;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  connection.disconnect();
  return jobs / seconds;
}
