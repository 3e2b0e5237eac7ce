export { FileExists, FolderNotEmpty, NotASite } from './errors.js';
export { CONTENT_KINDS, isContentKind, type ContentKind } from './kinds/index.js';
export { createContentFile, type NewContentOptions } from './new-content.js';
export { createSite, type NewSiteOptions } from './new-site.js';
