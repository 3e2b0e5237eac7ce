import { VERSION } from '../version.js';
import { slugOfTitle } from './slug.js';
import type { NewFile } from './write-new.js';

export interface SiteFilesOptions {
  /** The new site's folder name, which names its package. */
  readonly name: string;
  /** The npm dependency spec of Folio, e.g. `file:../folio`. */
  readonly folio: string;
}

/** Everything of a new site beside content/ and the theme: package.json, .gitignore, README, deploy workflow. */
export function siteFiles({ name, folio }: SiteFilesOptions): NewFile[] {
  const pkg = {
    name: slugOfTitle(name) || 'homepage',
    // Never published to npm by mistake: it is a website.
    private: true,
    scripts: { build: 'folio build', dev: 'folio serve', check: 'folio check' },
    dependencies: { folio: folio },
    engines: { node: '>=20.19' },
  };
  return [
    { path: 'package.json', contents: `${JSON.stringify(pkg, null, 2)}\n` },
    { path: '.gitignore', contents: 'dist/\nnode_modules/\n' },
    { path: 'README.md', contents: readme(folio) },
    { path: '.github/workflows/pages.yml', contents: WORKFLOW },
  ];
}

function readme(folio: string): string {
  return `# My homepage

Built with Folio ${VERSION}. Edit the files in \`content/\`; every field is described in Folio's
\`docs/content.md\`.

\`\`\`sh
npm install          # once
npm run dev          # serve the site on http://127.0.0.1:4000, reloading on every save
npm run check        # build into a temporary folder and check links and HTML
npm run build        # write the site into dist/
npx folio new talk "Title"     # also: page, news, publication
\`\`\`

\`templates/\` and \`public/assets/\` are your copy of Folio's default theme: change them freely.
Put images and PDFs in \`public/\`.

## Where Folio comes from

\`package.json\` depends on \`"folio": "${folio}"\`: the Folio installation that created this site,
on this computer. It is a \`file:\` path, not a version number, because the name \`folio\` on the npm
registry belongs to an unrelated package, so \`"folio": "^${VERSION}"\` would install the wrong code.

Before you push the site to GitHub, point that line at a copy of Folio GitHub can install, e.g. a
Git URL (\`"folio": "github:<owner>/folio#v${VERSION}"\`), then run \`npm install\` and commit
\`package-lock.json\`: the workflow installs exactly what it lists.

## Publishing on GitHub Pages

\`.github/workflows/pages.yml\` builds the site and publishes it on every push to \`main\`. Turn it
on once under Settings → Pages → Build and deployment → Source: "GitHub Actions".
`;
}

/** Folio's own .github/workflows/pages.yml, for a site that depends on Folio instead of being it. */
const WORKFLOW = `# Builds the site with Folio and publishes it to GitHub Pages.
# One-time setup: Settings → Pages → Build and deployment → Source: "GitHub Actions".
name: Deploy to GitHub Pages

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

# One deployment at a time; a newer push waits instead of cancelling a deployment half-way.
concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - name: Check out
        uses: actions/checkout@v6

      - name: Set up Node.js
        uses: actions/setup-node@v6
        with:
          node-version: 20
          cache: npm

      - name: Configure Pages
        id: pages
        uses: actions/configure-pages@v6

      # Installs what package-lock.json lists (commit it), Folio included: see README.md for
      # pointing the folio dependency at a copy GitHub can install.
      - name: Install dependencies
        run: npm ci

      # Folio keeps formatted citations and rendered markdown here: with it restored, a build
      # formats only the BibTeX entries that changed since the last deployment. output/ holds a
      # copy of the previous site, which saves nothing in a fresh checkout: it is left out.
      - name: Restore Folio's build cache
        uses: actions/cache@v5
        with:
          path: |
            node_modules/.cache/folio
            !node_modules/.cache/folio/output
          key: folio-\${{ github.sha }}
          restore-keys: folio-

      # base_url is where Pages serves this repository: https://<user>.github.io/<repo> for a
      # project site, https://<user>.github.io for a user site, or the custom domain.
      - name: Build
        run: npm run build -- --base-url "\${{ steps.pages.outputs.base_url }}"

      - name: Upload site
        uses: actions/upload-pages-artifact@v5
        with:
          path: dist

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - name: Deploy to GitHub Pages
        id: deployment
        uses: actions/deploy-pages@v5
`;
