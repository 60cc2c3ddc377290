/** A static server on 127.0.0.1 for e2e pages: routes map a path to HTML built in the test. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PageServer {
  origin: string;
  /** Every path requested so far, in order (404s included). */
  requests: string[];
  /** Serves `html` at `path` from now on. */
  set(path: string, html: string, headers?: Record<string, string>): string;
  close(): Promise<void>;
}

export async function startServer(): Promise<PageServer> {
  const routes = new Map<string, { html: string; headers: Record<string, string> }>();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push(path);
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...route.headers }).end(route.html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    set(path, html, headers = {}) {
      routes.set(path, { html, headers });
      return origin + path;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
