const MAX_BODY_BYTES = 1_000_000;

/**
 * Mutations must be JSON from this console's own pages. A form on another
 * site cannot send application/json without a CORS preflight we never grant,
 * and a browser always labels cross-site requests with Origin and
 * Sec-Fetch-Site. Returns the refusal to send, or null to proceed.
 */
export function refuseCrossSite(req: Request): Response | null {
  if (req.method !== "POST") return null;
  const json = (req.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json");
  const origin = req.headers.get("origin");
  const site = req.headers.get("sec-fetch-site");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  const sameOrigin = origin ? hostOf(origin) === host : site ? site === "same-origin" : true;
  if (!json || !sameOrigin) {
    return Response.json({ error: { message: "Cross-site or non-JSON requests cannot change anything here.", code: "FORBIDDEN" } }, { status: 403 });
  }
  if (Number(req.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    return Response.json({ error: { message: "Request body too large.", code: "PAYLOAD_TOO_LARGE" } }, { status: 413 });
  }
  return null;
}

function hostOf(url: string) {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}
