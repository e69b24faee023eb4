// A large Disqus export written to a file as it is generated (never whole in memory): `threads`
// articles, `comments` posts spread over them, every third a reply to an earlier post of its
// thread and about every fiftieth a reply to a post that comes later in the file.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export async function writeDisqusExport(path: string, opts: { comments: number; threads: number; origin: string }): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">\n');
  for (let t = 0; t < opts.threads; t++) {
    await write(`  <thread dsq:id="t${t}">\n    <link>${opts.origin}/articles/${t}/</link>\n    <title>Article ${t}</title>\n    <createdAt>2015-01-01T00:00:00Z</createdAt>\n  </thread>\n`);
  }
  /** A later post of the same thread that is itself top-level, so no two posts are each other's parents. */
  const laterTopLevel = (i: number) => {
    for (let j = i + opts.threads; j < opts.comments; j += opts.threads) if (j % 3 !== 1 && j % 47 !== 5) return j;
    return null;
  };
  for (let i = 0; i < opts.comments; i++) {
    const thread = i % opts.threads;
    const index = Math.floor(i / opts.threads);
    // Posts of one thread are `threads` apart in the file.
    const parent = i % 47 === 5 ? laterTopLevel(i) : i % 3 === 1 && index > 0 ? i - opts.threads : null;
    const when = new Date(Date.UTC(2015, 0, 1) + i * 60_000).toISOString().replace('.000', '');
    await write(
      `  <post dsq:id="p${i}">\n    <message><![CDATA[<p>Comment number ${i} on <b>article ${thread}</b>, with <a href="https://example.com/${i}">a link</a> &amp; an emoji 🙂.</p>]]></message>\n` +
        `    <createdAt>${when}</createdAt>\n    <isDeleted>false</isDeleted>\n    <isSpam>false</isSpam>\n` +
        `    <author><email>reader${i % 5000}@example.com</email><name>Reader ${i % 5000}</name><isAnonymous>false</isAnonymous><username>reader${i % 5000}</username></author>\n` +
        `    <thread dsq:id="t${thread}" />\n${parent === null ? '' : `    <parent dsq:id="p${parent}" />\n`}  </post>\n`,
    );
  }
  await write('</disqus>\n');
  out.end();
  await once(out, 'finish');
}
