// Turns a comment's HTML from another system into Parley's Markdown subset (paragraphs, line
// breaks, emphasis, links, block quotes, inline code: see comments/render-markdown.ts), so an
// imported comment is stored and rendered exactly like a posted one. What the subset lacks is
// kept as text: list items become "- item" lines, headings bold lines, code blocks one inline code
// span per line, images a link to the picture. Scripts and styles are dropped with their content.
import { Parser } from 'htmlparser2';

export interface HtmlToMarkdownOptions {
  /**
   * `text`: the body is WordPress's, plain text whose blank lines are paragraphs and whose line
   * breaks are breaks (tags allowed inside). `html` (default): whitespace collapses as in a browser.
   */
  newlines?: 'html' | 'text';
}

type Inline = { tag: 'root' | 'strong' | 'em' | 'a' | 'code' | 'skip'; text: string; href?: string | null };
type Block = { tag: 'root' | 'blockquote' | 'pre'; blocks: string[]; inline: Inline[]; list: { kind: string; count: number }[] };

const BLOCKS = new Set(['p', 'div', 'section', 'article', 'header', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'hr', 'table', 'tr', 'figure', 'figcaption', 'dl', 'dt', 'dd']);
const STRONG = new Set(['b', 'strong', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const EM = new Set(['i', 'em', 'cite', 'dfn', 'var']);
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'head', 'title']);
const SAFE_LINK = /^(https?:|mailto:)/i;

/** Markdown's punctuation the enabled rules react to, escaped with a backslash. */
function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]]/g, '\\$&').replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
}

function codeSpan(text: string): string {
  if (!text.trim()) return text;
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** Wraps content in a marker with the spaces moved outside it, as emphasis needs. */
function wrap(content: string, marker: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(content)!;
  return m[2] ? `${m[1]}${marker}${m[2]}${marker}${m[3]}` : content;
}

const URL_ESCAPES: Record<string, string> = { '(': '%28', ')': '%29', '<': '%3C', '>': '%3E' };

function linkDestination(href: string): string {
  return href.replace(/\s/g, '%20').replace(/[()<>]/g, (ch) => URL_ESCAPES[ch]);
}

export function htmlToMarkdown(html: string, options: HtmlToMarkdownOptions = {}): string {
  const writer = new MarkdownWriter(options.newlines === 'text');
  const parser = new Parser(
    {
      onopentag: (name, attrs) => writer.open(name, attrs),
      // An entity arrives as a text event of its own: the writer gathers a run of text before escaping it.
      ontext: (text) => writer.text(text),
      onclosetag: (name) => writer.close(name),
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return writer.finish();
}

/** Blocks (the body, a quote, a code block) on a stack, each with its stack of open inline elements. */
class MarkdownWriter {
  private stack: Block[] = [newBlock('root')];
  private pending = '';

  constructor(private textMode: boolean) {}

  private get block(): Block {
    return this.stack[this.stack.length - 1];
  }

  private get inline(): Inline {
    return this.block.inline[this.block.inline.length - 1];
  }

  private get skipping(): boolean {
    return this.block.inline.some((i) => i.tag === 'skip');
  }

  private append(text: string): void {
    if (!this.skipping) this.inline.text += text;
  }

  /** Ends the paragraph being written; inside emphasis or a link it can only be a line break. */
  private endParagraph(): void {
    const b = this.block;
    if (b.inline.length > 1) return this.append('\n');
    // A code block keeps its spacing; elsewhere runs of spaces are one, as a browser shows them.
    const text = b.inline[0].text
      .split('\n')
      .map((line) => (b.tag === 'pre' ? line.trimEnd() : line.replace(/[ \t]+/g, ' ').trim()))
      .join('\n')
      .replace(/^\n+|\n+$/g, '');
    if (text) b.blocks.push(b.tag === 'pre' ? text : text.replace(/^>/gm, '\\>'));
    b.inline[0].text = '';
  }

  open(name: string, attrs: Record<string, string>): void {
    this.flushText();
    const b = this.block;
    if (SKIP.has(name)) return void b.inline.push({ tag: 'skip', text: '' });
    if (this.skipping) return;
    if (name === 'br') return this.append('\n');
    if (name === 'blockquote' || name === 'pre') {
      this.endParagraph();
      return void this.stack.push(newBlock(name));
    }
    const isList = name === 'ul' || name === 'ol';
    // A nested list continues the outer one's lines.
    if (BLOCKS.has(name) && !(isList && b.list.length)) this.endParagraph();
    if (isList) b.list.push({ kind: name, count: 0 });
    if (name === 'li') {
      const list = b.list[b.list.length - 1] ?? { kind: 'ul', count: 0 };
      list.count++;
      if (this.inline.text && !this.inline.text.endsWith('\n')) this.append('\n');
      this.append(`${'  '.repeat(Math.max(0, b.list.length - 1))}${list.kind === 'ol' ? `${list.count}.` : '-'} `);
    }
    if (STRONG.has(name)) b.inline.push({ tag: 'strong', text: '' });
    else if (EM.has(name)) b.inline.push({ tag: 'em', text: '' });
    else if (name === 'code' && b.tag !== 'pre') b.inline.push({ tag: 'code', text: '' });
    else if (name === 'a') b.inline.push({ tag: 'a', text: '', href: safeUrl(attrs.href) });
    else if (name === 'img' && safeUrl(attrs.src)) this.append(`[${escapeText(attrs.alt?.trim() || 'image')}](${linkDestination(safeUrl(attrs.src)!)})`);
  }

  text(text: string): void {
    this.pending += text;
  }

  private flushText(): void {
    const raw = this.pending;
    this.pending = '';
    if (!raw || this.skipping) return;
    if (this.block.tag === 'pre') return this.append(raw);
    if (this.inline.tag === 'code') return this.append(raw.replace(/\s+/g, ' '));
    if (!this.textMode) return this.append(escapeText(raw.replace(/\s+/g, ' ')));
    // Blank lines are paragraphs, single line breaks are breaks (as WordPress shows them).
    raw
      .replace(/\r\n?/g, '\n')
      .split(/\n[ \t]*\n\s*/)
      .forEach((paragraph, i) => {
        if (i > 0) this.endParagraph();
        this.append(escapeText(paragraph.replace(/[ \t]+/g, ' ')));
      });
  }

  close(name: string): void {
    this.flushText();
    const b = this.block;
    if (SKIP.has(name)) {
      const at = b.inline.map((i) => i.tag).lastIndexOf('skip');
      if (at > 0) b.inline.splice(at, 1);
      return;
    }
    if (this.skipping) return;
    if ((name === 'blockquote' || name === 'pre') && b.tag === name) return this.closeBlock();
    const top = this.inline;
    const closes = (STRONG.has(name) && top.tag === 'strong') || (EM.has(name) && top.tag === 'em') || (name === 'code' && top.tag === 'code') || (name === 'a' && top.tag === 'a');
    if (closes) {
      b.inline.pop();
      this.append(inlineMarkdown(top));
    }
    if (name === 'li') this.append('\n');
    if (name === 'ul' || name === 'ol') {
      b.list.pop();
      if (b.list.length) return;
    }
    if (BLOCKS.has(name)) this.endParagraph();
  }

  /** A quote's lines get "> "; a code block's lines become inline code, the subset having no blocks of code. */
  private closeBlock(): void {
    this.endParagraph();
    const b = this.stack.pop()!;
    const lines = b.tag === 'blockquote' ? b.blocks.join('\n\n').split('\n') : b.blocks.join('\n').split('\n');
    const text = lines.map((line) => (b.tag === 'blockquote' ? (line ? `> ${line}` : '>') : line.trim() ? codeSpan(line) : '')).join('\n');
    if (text.trim()) this.block.blocks.push(text);
  }

  /** Whatever was left open is closed in order. */
  finish(): string {
    this.flushText();
    while (this.stack.length > 1 || this.block.inline.length > 1) {
      const b = this.block;
      if (b.inline.length > 1) {
        const top = b.inline.pop()!;
        if (top.tag !== 'skip') this.append(inlineMarkdown(top));
      } else this.closeBlock();
    }
    this.endParagraph();
    return this.block.blocks.join('\n\n');
  }
}

function newBlock(tag: Block['tag']): Block {
  return { tag, blocks: [], inline: [{ tag: 'root', text: '' }], list: [] };
}

function safeUrl(url: string | undefined): string | null {
  const u = url?.trim();
  return u && SAFE_LINK.test(u) ? u : null;
}

function inlineMarkdown(i: Inline): string {
  if (i.tag === 'strong') return wrap(i.text, '**');
  if (i.tag === 'em') return wrap(i.text, '*');
  if (i.tag === 'code') return codeSpan(i.text);
  if (i.tag === 'a' && i.href && i.text.trim()) return `[${i.text.trim()}](${linkDestination(i.href)})`;
  return i.text;
}
