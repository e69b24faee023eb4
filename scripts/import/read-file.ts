// A file as a stream of text chunks, counting the bytes read so far (for progress against its size).
import { createReadStream, statSync } from 'node:fs';

export interface FileText {
  size: number;
  bytesRead(): number;
  chunks: AsyncIterable<string>;
}

export function readFileText(path: string): FileText {
  const size = statSync(path).size;
  let read = 0;
  async function* chunks(): AsyncGenerator<string> {
    const decoder = new TextDecoder('utf-8');
    for await (const buffer of createReadStream(path, { highWaterMark: 256 * 1024 })) {
      read += (buffer as Buffer).length;
      const text = decoder.decode(buffer as Buffer, { stream: true });
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  }
  return { size, bytesRead: () => read, chunks: chunks() };
}

/** Lines of a text stream, without their line ends. */
export async function* lines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let carry = '';
  for await (const chunk of chunks) {
    const parts = (carry + chunk).split('\n');
    carry = parts.pop()!;
    for (const line of parts) yield line.replace(/\r$/, '');
  }
  if (carry) yield carry.replace(/\r$/, '');
}
