// Prints the benchmark results as one plain-text table: figure, target, whether it is met.
import type { BenchResults } from './run';

export interface Row {
  part: string;
  measure: string;
  value: string;
  target?: string;
  met?: boolean;
}

const n = (v: number, digits = 0) => v.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ms = (v: number) => `${n(v, 1)} ms`;

export function rows(r: BenchResults): Row[] {
  const out: Row[] = [];
  if (r.widget) {
    const w = r.widget;
    out.push({ part: 'widget', measure: 'reader first load (embed.js + app.js), gzip', value: `${n(w.readerGzipBytes)} B`, target: '≤ 15,000 B', met: w.readerGzipBytes <= 15_000 });
    out.push({ part: 'widget', measure: 'reader first load, brotli', value: `${n(w.readerBrotliBytes)} B` });
    for (const [file, s] of Object.entries(w.entries)) out.push({ part: 'widget', measure: `${file} raw / gzip / brotli`, value: `${n(s.raw)} / ${n(s.gzip)} / ${n(s.brotli)} B` });
    if (w.dashboardGzipBytes !== null) out.push({ part: 'widget', measure: 'dashboard (moderate.js), gzip', value: `${n(w.dashboardGzipBytes)} B` });
  }
  if (r.import) {
    const x = r.import;
    out.push({ part: 'import', measure: `Disqus export of ${n(x.comments)} comments (${(x.fileBytes / 1e6).toFixed(0)} MB) into an embedded file`, value: `${n(x.commentsPerSecond)} comments/s (${x.seconds} s), RSS +${x.peakRssGrowthMiB} MiB, heap ≤ ${x.peakHeapMiB} MiB` });
  }
  if (r.mail) out.push({ part: 'mail', measure: `reply notices composed and sent to a local SMTP server (${n(r.mail.messages)})`, value: `${n(r.mail.messagesPerSecond)} /s` });
  if (r.webhooks) {
    const x = r.webhooks;
    out.push({ part: 'webhooks', measure: `dispatcher draining ${n(x.backlog)} deliveries to a local receiver`, value: `${n(x.deliveriesPerSecond)} /s` });
    out.push({ part: 'webhooks', measure: `commit to receiver, loop every ${x.intervalMs} ms (p50 / p95)`, value: `${x.latencyP50Ms} / ${x.latencyP95Ms} ms` });
  }
  if (r.queue) {
    const x = r.queue;
    out.push({ part: 'queue', measure: `dashboard start to first item, ${n(x.seeded)} pending, median of ${x.firstItemRuns.length} cold loads`, value: ms(x.firstItemMsMedian), target: '≤ 300 ms', met: x.firstItemMsMedian <= 300 });
    out.push({ part: 'queue', measure: 'waterfall (median end of each step)', value: `moderate.js ${x.phases.moderateJs}, session ${x.phases.session}, queue ${x.phases.queue} ms` });
    out.push({ part: 'queue', measure: `j to the next item, ${n(x.loaded)} loaded (${x.rowsDrawn} rows drawn), p50 / p95`, value: `${x.nextP50Ms} / ${x.nextP95Ms} ms`, target: '< 16 ms', met: x.nextP95Ms < 16 });
    out.push({ part: 'queue', measure: 'approve round trip (a to the answer drawn), p50 / p95', value: `${x.approveP50Ms} / ${x.approveP95Ms} ms`, target: '≤ 100 ms p50', met: x.approveP50Ms <= 100 });
    out.push({ part: 'queue', measure: 'search round trip (Enter to matches drawn), p50 / p95', value: `${x.searchP50Ms} / ${x.searchP95Ms} ms` });
  }
  if (r.render) {
    const x = r.render;
    out.push({ part: 'render', measure: `200 comments in the shadow DOM, median of ${x.runs.length} cold loads`, value: ms(x.ms200Median), target: '≤ 150 ms', met: x.ms200Median <= 150 });
    out.push({ part: 'render', measure: 'composer ready (signed-in member)', value: ms(x.composerReadyMsMedian) });
    if (x.paint) {
      const { widget: w, static: s } = x.paint;
      const first = w.firstScreenful / s.firstScreenful;
      const all = w.all / s.all;
      out.push({ part: 'render', measure: 'first screenful of comments painted: widget / static HTML of the same 200', value: `${ms(w.firstScreenful)} / ${ms(s.firstScreenful)} (${n(first, 2)}×)`, target: '≤ 1.2 × static', met: first <= 1.2 });
      out.push({ part: 'render', measure: 'all 200 comments in a frame: widget / static HTML', value: `${ms(w.all)} / ${ms(s.all)} (${n(all, 2)}×)`, target: '≤ 1.5 × static', met: all <= 1.5 });
      out.push({ part: 'render', measure: 'CLS of the widget\'s page until 0.5 s after all 200 (static page)', value: `${w.cls} (${s.cls})`, target: '0', met: w.cls === 0 });
    }
    const p = x.phases;
    out.push({
      part: 'render',
      measure: 'waterfall (median end of each step)',
      value: `html ${p.html}, embed.js ${p.embedJs}, app.js ${p.appJs}, token ${p.token}, /thread ${p.thread} ms`,
    });
  }
  if (r.live) {
    const x = r.live;
    out.push({ part: 'live', measure: 'CLS, long article, reader scrolls down to the comments (default)', value: `${x.cls.scrolled}`, target: '≤ 0.1 (good)', met: x.cls.scrolled <= 0.1 });
    out.push({ part: 'live', measure: 'CLS, reader jumps straight to them: one viewport held (default) / 320 px held', value: `${x.cls.jumped} / ${x.cls.jumpedHeld320}`, target: '≤ 0.1 (good)', met: x.cls.jumped <= 0.1 });
    out.push({ part: 'live', measure: 'the same without a held height, mounted at once (data-load="eager" data-min-height="0")', value: `${x.cls.scrolledUnheld} / ${x.cls.jumpedUnheld}` });
    out.push({ part: 'live', measure: `first comment after the reader jumps to them (default mount), median of ${x.firstComment.runsMs.length}`, value: ms(x.firstComment.medianMs) });
    const statuses = Object.entries(x.visibleStatuses).map(([k, v]) => `${v}× ${k}`).join(', ');
    const w = x.idleWindowSeconds;
    out.push({
      part: 'live',
      measure: `API requests per minute once idle: page visible / hidden (${n(w.visible)} s / ${n(w.hidden)} s)`,
      value: `${x.requestsPerMinuteVisible} / ${x.requestsPerMinuteHidden} (visible: ${statuses})`,
      target: '≤ 3 / 0 (20 s poll)',
      met: x.requestsPerMinuteVisible <= 3 && x.requestsPerMinuteHidden === 0,
    });
  }
  if (r.read) {
    const x = r.read;
    out.push({ part: 'read', measure: `thread page (${x.commentsPerPage} comments of 1,000), 50 conn, 10 s`, value: `${n(x.rps)} req/s, p50 ${ms(x.p50Ms)}, p99 ${ms(x.p99Ms)}` });
    const members = x.memberTokens ? `${n(x.memberTokens)} signed-in members in turn` : 'signed-in member';
    out.push({ part: 'read', measure: `same page, ${members} (never cached)`, value: `${n(x.memberRps)} req/s, p99 ${ms(x.memberP99Ms)}` });
    for (const [encoding, e] of Object.entries(x.encodings ?? {})) {
      const sent = e.contentEncoding ? `sent ${e.contentEncoding}` : 'sent uncompressed';
      if (encoding === 'identity') out.push({ part: 'read', measure: 'guest page, bytes per response', value: `${n(e.bytesPerResponse)} B (${sent})` });
      else out.push({ part: 'read', measure: `guests sending Accept-Encoding: ${encoding}`, value: `${n(e.rps)} req/s, p99 ${ms(e.p99Ms)}, ${n(e.bytesPerResponse)} B per response (${sent})` });
    }
    if (x.non2xx) out.push({ part: 'read', measure: 'non-2xx or failed requests', value: n(x.non2xx), target: '0', met: false });
    out.push({ part: 'read', measure: 'hello route, same server', value: `${n(x.helloRps)} req/s, p50 ${ms(x.helloP50Ms)}, p99 ${ms(x.helloP99Ms)}` });
    out.push({ part: 'read', measure: 'thread page / hello', value: n(x.ratio, 3), target: '≥ 0.4', met: x.ratio >= 0.4 });
    if (x.memberRatio !== undefined) out.push({ part: 'read', measure: 'signed-in members / hello', value: n(x.memberRatio, 3), target: '≥ 0.3', met: x.memberRatio >= 0.3 });
    const br = x.encodings?.br;
    if (br) out.push({ part: 'read', measure: 'guests (brotli) / hello', value: n(br.ratio, 3), target: '≥ 0.5', met: br.ratio >= 0.5 });
  }
  if (r.write) {
    const x = r.write;
    out.push({ part: 'write', measure: `comments created, 20 conn, 10 s, ${n(x.members)} members`, value: `${n(x.rps)} /s, p50 ${ms(x.p50Ms)}, p99 ${ms(x.p99Ms)}`, target: '≥ 2,000 /s', met: x.rps >= 2000 });
    if (x.ratio !== undefined) out.push({ part: 'write', measure: `comments created / hello route (${n(x.helloRps)} req/s, same server)`, value: n(x.ratio, 3), target: '≥ 0.15', met: x.ratio >= 0.15 });
    if (x.phases) {
      const m = x.phases.medianMs;
      out.push({
        part: 'write',
        measure: `one comment posted alone, in process, median of ${n(x.phases.writes)}: ms in each phase`,
        value: `routing and site ${m.routing}, token ${m.token}, facts ${m.facts}, moderation + markdown ${m.moderation}, write batch ${m.writeBatch}, response ${m.response}; idempotency ${m.idempotency}, rate limits ${m.rateLimits}; total ${m.total}`,
      });
    }
    out.push({ part: 'write', measure: 'acknowledged (201) vs stored', value: `${n(x.acknowledged)} vs ${n(x.stored)} (+${n(x.inFlightAtStop)} in flight at stop)`, target: 'lost = 0', met: x.lost === 0 });
    out.push({
      part: 'write',
      measure: 'flooding rule for the bench site',
      value: `perUser ${x.flooding.perUser}/${x.flooding.windowSeconds} s (default); perIp ${n(x.flooding.perIp)}/${x.flooding.windowSeconds} s (max; one loopback address)`,
    });
    out.push({ part: 'write', measure: 'responses by status', value: Object.entries(x.statusCodes).map(([k, v]) => `${k}: ${n(v)}`).join(', ') });
  }
  if (r.scale) {
    const x = r.scale;
    out.push({ part: 'scale', measure: 'thread page, median of 200 sequential: 100 / 10k / 100k', value: `${ms(x.p100Ms)} / ${ms(x.p10kMs)} / ${ms(x.p100kMs)}` });
    const sizes = x.commentsPerPage ? ` (pages of ${Object.values(x.commentsPerPage).join(' / ')} comments)` : '';
    out.push({ part: 'scale', measure: `100k vs 100 comments${sizes}`, value: `${n(x.ratio100kTo100, 2)}×`, target: '≤ 1.5×', met: x.ratio100kTo100 <= 1.5 });
    if (x.ratio100kTo10k !== undefined) out.push({ part: 'scale', measure: '100k vs 10k comments (same page size)', value: `${n(x.ratio100kTo10k, 2)}×` });
  }
  if (r.classifier) {
    out.push({ part: 'classifier', measure: `classifyCivility, ${n(r.classifier.sentences)} sentences`, value: `${n(r.classifier.commentsPerSecond)} comments/s` });
  }
  if (r.memory) {
    const x = r.memory;
    const growth = Math.max(...x.rssAfterRoundsMiB) - x.rssAfterRoundsMiB[0];
    out.push({
      part: 'memory',
      measure: `RSS, ${n(x.requests)} requests of a ${n(x.pageBytes / 1e6, 2)} MB page under junk query strings`,
      value: `${n(x.rssBeforeMiB)} MiB before, ${x.rssAfterRoundsMiB.map((v) => n(v)).join(' / ')} MiB after each round`,
      target: 'flat after round 1 (±32 MiB)',
      met: growth <= 32,
    });
    if (x.non2xx) out.push({ part: 'memory', measure: 'non-2xx or failed requests', value: n(x.non2xx), target: '0', met: false });
  }
  if (r.backup) {
    const x = r.backup;
    out.push({
      part: 'backup',
      measure: `npm run backup of a ${n(x.databaseMB)} MB file under ${x.writesPerSecond} writes/s (verified)`,
      value: `${n(x.seconds, 2)} s, ${n(x.backupMB)} MB, ${n(x.rows)} rows; ${n(x.failedWrites)} failed writes`,
      target: '< 120 s, 0 failed',
      met: x.seconds < 120 && x.failedWrites === 0,
    });
  }
  return out;
}

export function printTable(r: BenchResults, print: (line: string) => void = console.log): void {
  const all = rows(r);
  const head = { part: 'part', measure: 'measure', value: 'result', target: 'target', met: 'met' };
  const cells = all.map((x) => ({ part: x.part, measure: x.measure, value: x.value, target: x.target ?? '', met: x.met === undefined ? '' : x.met ? 'yes' : 'NO' }));
  const keys = Object.keys(head) as (keyof typeof head)[];
  const width = Object.fromEntries(keys.map((k) => [k, Math.max(head[k].length, ...cells.map((c) => c[k].length))])) as Record<keyof typeof head, number>;
  const line = (c: Record<keyof typeof head, string>) => keys.map((k) => c[k].padEnd(width[k])).join(' │ ').trimEnd();
  print(line(head));
  print(keys.map((k) => '─'.repeat(width[k])).join('─┼─'));
  for (const c of cells) print(line(c));
  const m = r.machine;
  print(`\n${m.cpus} × ${m.model}, ${m.memory}, Node ${m.node}, ${m.platform}; ${r.date}`);
}
