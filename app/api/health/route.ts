// Liveness for the start script and load balancers: says the app is up, nothing more.
export function GET() {
  return Response.json({ ok: true });
}
