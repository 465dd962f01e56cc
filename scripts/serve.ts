// The HTTP server Continuum runs in (npm start, npm run dev and the e2e tests): Next.js behind a plain
// Node server that appends the connection's own address to X-Forwarded-For before Next sees the
// request, so the rightmost entry is never what the client claimed (decision 0018). `next start` cannot
// do this: it only fills the header in when the client sent none.
//
//   tsx scripts/serve.ts [--dev] [-p PORT]
import { createServer } from "node:http";
import next from "next";
import { appendSocketAddress, trustedProxyHops } from "../lib/auth/client-address";

const args = process.argv.slice(2);
const dev = args.includes("--dev");
const portFlag = args.indexOf("-p");
const port = Number(portFlag >= 0 ? args[portFlag + 1] : (process.env.PORT ?? 3000));
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error(`[continuum] Not a port: ${portFlag >= 0 ? args[portFlag + 1] : process.env.PORT}`);
  process.exit(1);
}
// `next start` and `next dev` set NODE_ENV themselves; a custom server has to
Object.assign(process.env, { NODE_ENV: dev ? "development" : "production" });
trustedProxyHops(); // a TRUSTED_PROXY_HOPS that makes no sense stops the start, not the first sign-in

const server = createServer((req, res) => {
  const forwarded = appendSocketAddress(req.headers["x-forwarded-for"], req.socket.remoteAddress);
  if (forwarded === undefined) delete req.headers["x-forwarded-for"];
  else req.headers["x-forwarded-for"] = forwarded;
  void handle(req, res);
});
const app = next({ dev, dir: process.cwd(), hostname: "localhost", port, httpServer: server });
const handle = app.getRequestHandler();
await app.prepare();
server.listen(port, () => console.log(`[continuum] ${dev ? "Development" : "Production"} server listening on port ${port}.`));

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server.close();
    server.closeIdleConnections();
    void app.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
