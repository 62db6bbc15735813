/**
 * The production Content-Security-Policy. Identical to the meta tag in renderer/index.html;
 * the header is the authoritative copy (a meta tag cannot be removed by a compromised page,
 * but a header also covers workers and every response). No 'unsafe-eval': zod runs jitless.
 * style-src needs 'unsafe-inline' because React Flow and Monaco set inline styles.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
