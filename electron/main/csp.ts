/**
 * The window's Content-Security-Policy. The page carries the same policy in a meta tag
 * (renderer/index.html; a page loaded from a file has no response headers), and main adds it to
 * every response it sees, with the directives only a header can carry.
 */

/** Directive -> sources: what the built UI needs and nothing more. */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // The reading worker is a module of the app; Vite may start it from a blob URL.
  'worker-src': ["'self'", 'blob:'],
  // React sets style attributes (the virtual table's row offsets).
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  // Ignored in a meta tag: the reason to send the header too.
  'frame-ancestors': ["'none'"],
};

export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');

/** Parses a policy into directive -> sources, for comparing two policies. */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    // A repeated directive is ignored by browsers after its first appearance.
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/**
 * The response headers with the policy set, replacing any the response had under whatever
 * case (header names are case-insensitive, and two policies would both apply).
 */
export function withCsp(
  headers: Readonly<Record<string, string | string[]>> | undefined,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    result[name] = Array.isArray(value) ? value : [value];
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}
