// Runs saxes over a stream of text and yields what the handlers found after each chunk, so a
// reader keeps at most one chunk's records in memory however large the file is.
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { UnreadableExportError, type SourceRecord } from './records';

export interface XmlHandlers {
  open(tag: SaxesTagNS, line: number): void;
  close(tag: SaxesTagNS): void;
  text(text: string): void;
}

/** After this many well-formedness errors the file is not the export it claims to be. */
const MAX_XML_ERRORS = 100;

export async function* xmlRecords(
  chunks: AsyncIterable<string>,
  start: (out: SourceRecord[]) => XmlHandlers,
): AsyncGenerator<SourceRecord> {
  const out: SourceRecord[] = [];
  const handlers = start(out);
  const parser = new SaxesParser({ xmlns: true, position: true });
  let errors = 0;
  parser.on('opentag', (tag) => handlers.open(tag, parser.line));
  parser.on('closetag', (tag) => handlers.close(tag));
  parser.on('text', (t) => handlers.text(t));
  parser.on('cdata', (t) => handlers.text(t));
  // saxes reports a well-formedness error and carries on; the record it falls in may be wrong,
  // so it is listed with its line, and the rest of the file is still read.
  parser.on('error', (error) => {
    if (++errors > MAX_XML_ERRORS) throw new UnreadableExportError(`more than ${MAX_XML_ERRORS} XML errors; last: ${error.message}`);
    out.push({ type: 'problem', line: parser.line, message: `XML: ${error.message.replace(/^[^:]*:\d+:\d+: /, '')}` });
  });
  for await (const chunk of chunks) {
    parser.write(chunk);
    yield* out.splice(0);
  }
  parser.close();
  yield* out.splice(0);
}

/** The value of the attribute with this local name, whatever its prefix. */
export function attribute(tag: SaxesTagNS, local: string): string | null {
  for (const attr of Object.values(tag.attributes)) if (attr.local === local) return attr.value;
  return null;
}
