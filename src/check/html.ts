import type { ConfigData, ResolvedConfig } from 'html-validate';
import type { Diagnostic } from '../errors.js';
import { coveredElsewhere, HTML_VALIDATE_CONFIG } from './html-rules.js';
import type { ParsedPage } from './parse.js';
import { problem } from './problem.js';

/**
 * Validates every page with html-validate. It is imported here, on first use, so that `folio build`
 * (and every command but check) never loads it.
 */
export async function checkHtml(pages: readonly ParsedPage[]): Promise<Diagnostic[]> {
  const { HtmlValidate, StaticConfigLoader } = await import('html-validate');
  // html-validate resolves its configuration (element metadata, schema checks) again for every page,
  // which took most of its time; ours is the same for every page, so it is resolved once.
  class ResolvedOnce extends StaticConfigLoader {
    #resolved?: ResolvedConfig | Promise<ResolvedConfig>;
    override getConfigFor(handle: string, override?: ConfigData): ResolvedConfig | Promise<ResolvedConfig> {
      return (this.#resolved ??= super.getConfigFor(handle, override));
    }
  }
  const validator = new HtmlValidate(new ResolvedOnce(HTML_VALIDATE_CONFIG));
  const found: Diagnostic[] = [];
  for (const page of pages) {
    const report = await validator.validateString(page.html, page.path);
    for (const message of report.results.flatMap((r) => r.messages)) {
      if (coveredElsewhere(message)) continue;
      const hint = message.ruleUrl ? `See ${message.ruleUrl}` : undefined;
      found.push(problem('InvalidHtml', page.path, { line: message.line, column: message.column }, `${message.message} (html-validate: ${message.ruleId}).`, hint));
    }
  }
  return found;
}
