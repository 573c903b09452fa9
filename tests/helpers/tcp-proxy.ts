import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy a test puts between Parallax and a server (PostgreSQL) to make that server go away
 * without touching it: `cut` drops every open connection (a failover, a proxy's idle timeout),
 * `refuse` also stops listening (the server is down), `accept` listens again on the same port.
 */
export interface TcpProxy {
  port: number;
  cut(): void;
  refuse(): Promise<void>;
  accept(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }, opts: { refusing?: boolean } = {}): Promise<TcpProxy> {
  const open = new Set<Socket>();
  const track = (s: Socket) => {
    open.add(s);
    s.on('close', () => open.delete(s));
    s.on('error', () => {});
  };
  let server: Server | null = null;
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const s = createServer((client) => {
        const upstream = connect(target.port, target.host);
        track(client);
        track(upstream);
        client.pipe(upstream).pipe(client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        server = s;
        resolve((s.address() as AddressInfo).port);
      });
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      const s = server;
      server = null;
      if (s) s.close(() => resolve());
      else resolve();
    });
  const cut = () => {
    for (const s of open) s.destroy();
  };

  const port = await listen(0);
  if (opts.refusing) await stopListening();
  return {
    port,
    cut,
    async refuse() {
      const closed = stopListening();
      cut();
      await closed;
    },
    async accept() {
      if (!server) await listen(port);
    },
    async close() {
      const closed = stopListening();
      cut();
      await closed;
    },
  };
}
