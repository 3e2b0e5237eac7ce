import { sourceFingerprint } from '../../source-fingerprint.js';

/**
 * Changes whenever the renderer's code does, so cached HTML from an older Folio is never reused:
 * a hash of the renderer's own source files. It lives apart from the renderer because every build
 * needs it for its cache keys, and a build that finds all its markdown cached never loads remark.
 */
export const MARKDOWN_FINGERPRINT = sourceFingerprint(import.meta.url, ['index', 'kramdown', 'sanitize']);
