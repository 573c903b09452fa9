import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { collectProcessMetrics, registry, watchQueues } from '../observability/metrics.js';

/**
 * The operations view of `parallax start`: /metrics (with every queue's depth and Node's own
 * series) and the queue dashboard at /queues.
 */
export function registerOperations(app: FastifyInstance, queues: readonly Queue[]): void {
  collectProcessMetrics();
  const unwatch = watchQueues(queues);
  app.addHook('onClose', async () => unwatch());
  registerMetrics(app);
  registerQueueBoard(app, queues);
}

/** Prometheus exposition of this process's registry at /metrics. */
export function registerMetrics(app: FastifyInstance): void {
  app.get('/metrics', async (_req, reply) => {
    const body = await registry.metrics();
    return reply.type(registry.contentType).send(body);
  });
}

export const QUEUES_PATH = '/queues';

/**
 * The BullMQ dashboard (bull-board) at /queues: every queue's jobs by state, failed jobs with their
 * error and stack, and retry / promote / clean actions. It has no authentication of its own: the
 * server's access control (src/api/access.ts) covers its pages and its API like every route.
 */
export function registerQueueBoard(app: FastifyInstance, queues: readonly Queue[]): void {
  const serverAdapter = new FastifyAdapter().setBasePath(QUEUES_PATH);
  createBullBoard({
    queues: queues.map((q) => new BullMQAdapter(q)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Parallax queues' } },
  });
  void app.register(serverAdapter.registerPlugin(), { prefix: QUEUES_PATH });
}
