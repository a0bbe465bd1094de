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

/** Scheme and host, a port, then the path: `https://rt.example.com:8443/*`. */
const WITH_PORT = /^([^:/]+:\/\/[^/:]*):(\d+|\*)(\/.*)$/;
const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };
const MAX_PORT = 65_535;

/**
 * A site's pattern as the browser takes it, and the port the site's pages are on when it names one.
 * Chrome's and Firefox's match patterns have no port (a host pattern matches every port; Firefox
 * rejects one), so `https://rt.example.com:8443/*` is requested and registered as
 * `https://rt.example.com/*` and the port is checked when a page is matched. `:*` is any port.
 */
export function splitPort(pattern: string): { pattern: string; port?: number } {
  const trimmed = pattern.trim();
  const parts = WITH_PORT.exec(trimmed);
  if (!parts) return { pattern: trimmed };
  const [, origin, port, path] = parts;
  return port === '*' ? { pattern: `${origin}${path}` } : { pattern: `${origin}${path}`, port: Number(port) };
}

/** The pattern to ask a host permission for and register the overlay with: the site's, without its port. */
export const hostPattern = (pattern: string): string => splitPort(pattern).pattern;

/** Whether the page at `url` is on the site's port (any page when the site names none). */
export function onPort(port: number | undefined, url: URL): boolean {
  return port === undefined || port === (url.port ? Number(url.port) : DEFAULT_PORTS[url.protocol]);
}

/**
 * Chrome's and Firefox's match-pattern form, for the helpdesk's own pages: `http`, `https` or `*`,
 * then `*`, `*.host` or a host, then a path from `/` (`<all_urls>` too; a pattern naming no host is
 * refused separately, namesNoHost).
 */
const MATCH_PATTERN = /^(?:\*|https?):\/\/(?:\*|(?:\*\.)?[^/*:\s]+)\/\S*$/;

/** A pattern the overlay can use: a match pattern, with a port (1–65535, or `*`) after the host if the site has one. */
export function isSitePattern(pattern: string): boolean {
  const site = splitPort(pattern);
  if (site.port !== undefined && (site.port < 1 || site.port > MAX_PORT)) return false;
  return site.pattern === '<all_urls>' || MATCH_PATTERN.test(site.pattern);
}
