export { build, type BuildResult } from './build.js';
export type { BuildOptions } from './config/options.js';
export { BuildFailed, ContentError, UsageError, type Diagnostic, type SourceLocation } from './errors.js';
export { VERSION } from './version.js';
