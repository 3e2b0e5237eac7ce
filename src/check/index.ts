export { checkSite, type SiteFiles } from './check-site.js';
export { readSite } from './read-site.js';
export type { SiteAddress } from './resolve.js';
export { withTemporaryBuild, type TemporaryBuild } from './temporary-build.js';
