export { build, renderSiteInMemory, type BuildCaches, type BuildResult, type RenderedSite } from './build.js';
export type { BuildOptions } from './config/options.js';
export { BuildFailed, ContentError, UsageError, type Diagnostic, type SourceLocation } from './errors.js';
export { VERSION } from './version.js';
