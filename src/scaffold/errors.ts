import { UsageError } from '../errors.js';

/** `folio new <dir>` was pointed at a folder that already has files: a new site never mixes with old ones. */
export class FolderNotEmpty extends UsageError {
  constructor(readonly folder: string) {
    super(`${folder} is not empty, so no site was created there. Pick a new folder name, or an empty folder.`);
  }
}

/** A file `folio new` would create is already there: it is never overwritten. */
export class FileExists extends UsageError {
  constructor(readonly file: string) {
    super(`${file} already exists and was left as it is. Pick another title, or edit that file.`);
  }
}

/** `folio new page|talk|news|publication` was run outside a site. */
export class NotASite extends UsageError {
  constructor(readonly contentDir: string) {
    super(`There is no ${contentDir}/site.yml here. Run this inside a site (\`folio new <dir>\` creates one), or pass --content DIR.`);
  }
}
