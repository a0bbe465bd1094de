/**
 * Which match patterns SLA Lens asks an optional host permission for, shared by the options page
 * (which requests it) and the background (which registers the overlay once it is granted).
 */

/** Scheme, then the host with an optional port (`*`, `*.zendesk.com`, `localhost:8080`). */
const HOST = /^[^:/]+:\/\/([^/]*)/;
const PORT = /:(?:\d+|\*)$/;

/**
 * True when the pattern names no host (`*` alone as host, or `<all_urls>`): Chrome ignores a host
 * permission's path, so osTicket's template (host `*`, path `/scp/*`) would be a request for every
 * https site. Subdomain wildcards (host `*.zendesk.com`) name a host and are fine.
 */
export function namesNoHost(pattern: string): boolean {
  const trimmed = pattern.trim();
  if (trimmed === '<all_urls>') return true;
  return HOST.exec(trimmed)?.[1]?.replace(PORT, '') === '*';
}

/**
 * The manifest already grants http://127.0.0.1/* and http://localhost/* (any port) and matches the
 * overlay there statically, so these are never requested nor registered at runtime. https loopback
 * is not granted statically: it is requested like any other host.
 */
export function isStaticLoopback(pattern: string): boolean {
  return /^http:\/\/(?:127\.0\.0\.1|localhost)[:/]/.test(pattern.trim());
}
