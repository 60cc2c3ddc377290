/** A static server on 127.0.0.1 for e2e pages: routes map a path to HTML built in the test. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PageServer {
  origin: string;
  /** Every path requested so far, in order (404s included). */
  requests: string[];
  /**
   * Serves `html` at `path` from now on. With `stall`, the response stops after the first `stall.after`
   * for `stall.ms` before the rest follows: a page still loading (its document not yet parsed) for that long.
   */
  set(path: string, html: string, headers?: Record<string, string>, stall?: Stall): string;
  close(): Promise<void>;
}

export interface Stall {
  after: string;
  ms: number;
}

export async function startServer(): Promise<PageServer> {
  const routes = new Map<string, { html: string; headers: Record<string, string>; stall?: Stall }>();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push(path);
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...route.headers });
    const cut = route.stall ? route.html.indexOf(route.stall.after) : -1;
    if (cut < 0) return void res.end(route.html);
    const head = cut + route.stall!.after.length;
    res.write(route.html.slice(0, head));
    setTimeout(() => res.end(route.html.slice(head)), route.stall!.ms);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    set(path, html, headers = {}, stall) {
      routes.set(path, { html, headers, stall });
      return origin + path;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
