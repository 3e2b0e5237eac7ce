import { parse, type DefaultTreeAdapterTypes as T } from 'parse5';

/** A 1-based line and column in a generated file. */
export interface Place {
  readonly line: number;
  readonly column: number;
}

/** One element of a page as the checks need it: its tag, attributes and where they are written. */
export interface PageElement extends Place {
  readonly tag: string;
  /** Inline SVG and MathML have elements of their own, some named like HTML ones (`<title>`, `<a>`). */
  readonly namespace: 'html' | 'svg' | 'math';
  /** Attribute values by lower-case name (`xlink:href` whole); a repeated one keeps its first value, as browsers do. */
  readonly attrs: ReadonlyMap<string, string>;
  /** Where attribute `name` is written, or the start tag when the parser implied the element. */
  at(name: string): Place;
}

/** A generated HTML page, parsed once and shared by every check. */
export interface ParsedPage {
  /** Path below the output folder, with `/` separators, e.g. `publications/index.html`. */
  readonly path: string;
  readonly html: string;
  /** Every element in document order, implied ones (`<head>` of a redirect page) included. */
  readonly elements: readonly PageElement[];
  /** The text of the first HTML `<title>`, whitespace collapsed; undefined when there is none. */
  readonly title?: string;
}

/**
 * Parses a page as a browser would (the HTML parsing algorithm of parse5), keeping source
 * locations so every problem can name the line of the generated file.
 */
export function parsePage(path: string, html: string): ParsedPage {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const elements: PageElement[] = [];
  let title: string | undefined;
  const visit = (node: T.ParentNode, parentPlace: Place): void => {
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      const element = toElement(child, parentPlace);
      elements.push(element);
      if (element.tag === 'title' && element.namespace === 'html' && title === undefined) title = textOf(child).replace(/\s+/g, ' ').trim();
      visit(child.tagName === 'template' ? (child as T.Template).content : child, element);
    }
  };
  visit(document, { line: 1, column: 1 });
  return { path, html, elements, ...(title !== undefined ? { title } : {}) };
}

function toElement(node: T.Element, parentPlace: Place): PageElement {
  const location = node.sourceCodeLocation;
  // Elements the parser implies (a missing <head> or <body>) have no location: use the parent's.
  const place: Place = location ? { line: location.startLine, column: location.startCol } : { line: parentPlace.line, column: parentPlace.column };
  const attrs = new Map<string, string>();
  for (const attr of node.attrs) {
    // SVG's `xlink:href` arrives split into prefix and name; keep it whole, as its location is keyed.
    const name = attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name;
    if (!attrs.has(name)) attrs.set(name, attr.value);
  }
  return {
    tag: node.tagName,
    namespace: node.namespaceURI.endsWith('/svg') ? 'svg' : node.namespaceURI.endsWith('/MathML') ? 'math' : 'html',
    attrs,
    line: place.line,
    column: place.column,
    at(name) {
      const at = location?.attrs?.[name];
      return at ? { line: at.startLine, column: at.startCol } : place;
    },
  };
}

function textOf(node: T.ParentNode): string {
  return node.childNodes.map((child) => ('value' in child && child.nodeName === '#text' ? child.value : 'childNodes' in child ? textOf(child) : '')).join('');
}
