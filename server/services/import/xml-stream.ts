// Runs saxes over a stream of text and yields what the handlers found after each chunk, so a
// reader keeps at most one chunk's records in memory however large the file is.
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { UnreadableExportError, type SourceRecord } from './records';

/**
 * `path` holds the local names of the open elements, the current one last. `close` is called for
 * every element that ends, also those a malformed file leaves open when an outer one closes, so
 * the path always matches the document's.
 */
export interface XmlHandlers {
  open(tag: SaxesTagNS, path: string[], line: number): void;
  close(local: string, path: string[]): void;
  text(text: string): void;
}

/** After this many well-formedness errors the file is not the export it claims to be. */
const MAX_XML_ERRORS = 100;

export async function* xmlRecords(
  chunks: AsyncIterable<string>,
  format: { name: string; root: string },
  start: (out: SourceRecord[]) => XmlHandlers,
): AsyncGenerator<SourceRecord> {
  const out: SourceRecord[] = [];
  const handlers = start(out);
  const parser = new SaxesParser({ xmlns: true, position: true });
  const path: string[] = [];
  let seenRoot = false;
  let errors = 0;
  parser.on('opentag', (tag) => {
    if (!seenRoot && tag.local !== format.root) throw new UnreadableExportError(`not a ${format.name} export: the root element is <${tag.name}>, not <${format.root}>`);
    seenRoot = true;
    path.push(tag.local);
    handlers.open(tag, path, parser.line);
  });
  parser.on('closetag', (tag) => {
    const at = path.lastIndexOf(tag.local);
    while (at >= 0 && path.length > at) {
      handlers.close(path[path.length - 1], path);
      path.pop();
    }
  });
  parser.on('text', (t) => handlers.text(t));
  parser.on('cdata', (t) => handlers.text(t));
  // saxes reports a well-formedness error and carries on; the record it falls in may be wrong,
  // so it is listed with its line, and the rest of the file is still read.
  parser.on('error', (error) => {
    if (++errors > MAX_XML_ERRORS) throw new UnreadableExportError(`more than ${MAX_XML_ERRORS} XML errors; last: ${error.message}`);
    out.push({ type: 'problem', line: parser.line, message: `XML: ${error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '')}` });
  });
  for await (const chunk of chunks) {
    parser.write(chunk);
    yield* out.splice(0);
  }
  parser.close();
  yield* out.splice(0);
  if (!seenRoot) throw new UnreadableExportError(`not a ${format.name} export: no <${format.root}> element`);
}

/** The value of the attribute with this local name, whatever its prefix. */
export function attribute(tag: SaxesTagNS, local: string): string | null {
  for (const attr of Object.values(tag.attributes)) if (attr.local === local) return attr.value;
  return null;
}
