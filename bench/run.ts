// `npm run bench [-- --only widget,render,live,queue,read,write,scale,classifier,memory,backup,webhooks,mail,import] [-- --profile]`:
// runs the performance measurements, prints a table and writes bench/results.json.
// Every load goes to 127.0.0.1 only, bounded in time; every server and browser is stopped.
// --profile runs the read and write servers under node --cpu-prof and prints their top frames.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchWidgetWeight, type WeightResult } from './widget-weight';
import { benchFirstRender, type RenderResult } from './first-render';
import { benchLivePage, type LiveResult } from './live-page';
import { benchRead, type ReadResult } from './read-throughput';
import { benchWrites, type WriteResult } from './writes';
import { benchScale, type ScaleResult } from './scale';
import { benchClassifier, type ClassifierResult } from './classifier';
import { benchMemory, type MemoryResult } from './memory-soak';
import { benchBackup, type BackupResult } from './backup';
import { benchWebhooks, type WebhookResult } from './webhooks';
import { benchQueue, type QueueResult } from './queue';
import { benchMail, type MailResult } from './mail';
import { benchImport, type ImportResult } from './import';
import { formatFrames, topFrames, type Frame } from './profile';
import { printTable } from './table';

const PARTS = ['widget', 'classifier', 'render', 'live', 'queue', 'read', 'write', 'scale', 'memory', 'backup', 'webhooks', 'mail', 'import'] as const;
type Part = (typeof PARTS)[number];

export interface Machine {
  cpus: number;
  model: string;
  memory: string;
  node: string;
  platform: string;
  loadAverageAtStart: number[];
}

export interface BenchResults {
  date: string;
  widget?: WeightResult;
  render?: RenderResult;
  live?: LiveResult;
  queue?: QueueResult;
  read?: ReadResult & { profile?: Frame[] };
  write?: WriteResult & { profile?: Frame[] };
  scale?: ScaleResult;
  classifier?: ClassifierResult;
  memory?: MemoryResult;
  backup?: BackupResult;
  webhooks?: WebhookResult;
  mail?: MailResult;
  import?: ImportResult;
  machine: Machine;
}

const RESULTS = join(dirname(fileURLToPath(import.meta.url)), 'results.json');

function parseArgs(argv: string[]): { parts: Part[]; profile: boolean } {
  const i = argv.indexOf('--only');
  const asked = i >= 0 ? (argv[i + 1] ?? '').split(',').map((s) => s.trim()).filter(Boolean) : [...PARTS];
  const unknown = asked.filter((p) => !PARTS.includes(p as Part));
  if (unknown.length) throw new Error(`Unknown part(s): ${unknown.join(', ')}; choose from ${PARTS.join(', ')}`);
  return { parts: PARTS.filter((p) => asked.includes(p)), profile: argv.includes('--profile') };
}

function machine(): Machine {
  const cpu = cpus();
  return {
    cpus: cpu.length,
    model: cpu[0]?.model.trim() ?? 'unknown',
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    platform: `${platform()} ${release()}`,
    loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

async function withProfile<T>(enabled: boolean, run: (dir?: string) => Promise<T>): Promise<T & { profile?: Frame[] }> {
  if (!enabled) return run() as Promise<T & { profile?: Frame[] }>;
  const dir = mkdtempSync(join(tmpdir(), 'parley-prof-'));
  try {
    const result = await run(dir);
    const profile = topFrames(dir, 15);
    console.log(formatFrames(profile));
    return { ...result, profile };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const { parts, profile } = parseArgs(process.argv.slice(2));
  // A partial run keeps the other parts of the previous results.
  const previous: Partial<BenchResults> = parts.length < PARTS.length && existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
  const results: BenchResults = { ...previous, date: new Date().toISOString(), machine: machine() };
  const log = (s: string) => console.log(s);
  const failures: string[] = [];
  for (const part of parts) {
    console.log(`▶ ${part}`);
    try {
      if (part === 'widget') results.widget = await benchWidgetWeight();
      if (part === 'classifier') results.classifier = benchClassifier();
      if (part === 'render') {
        results.render = await benchFirstRender({ log, profile });
        if (results.render.profile) console.log(formatFrames(results.render.profile));
      }
      if (part === 'live') results.live = await benchLivePage({ log });
      if (part === 'queue') results.queue = await benchQueue({ log });
      if (part === 'read') results.read = await withProfile(profile, (cpuProfDir) => benchRead({ log, cpuProfDir }));
      if (part === 'write') results.write = await withProfile(profile, (cpuProfDir) => benchWrites({ log, cpuProfDir }));
      if (part === 'scale') results.scale = await benchScale({ log });
      if (part === 'memory') results.memory = await benchMemory({ log });
      if (part === 'backup') results.backup = await benchBackup({ log });
      if (part === 'webhooks') results.webhooks = await benchWebhooks({ log });
      if (part === 'mail') results.mail = await benchMail({ log });
      if (part === 'import') results.import = await benchImport({ log });
    } catch (error) {
      failures.push(part);
      console.error(`✗ ${part} failed:`, error);
    }
  }
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  console.log('');
  printTable(results);
  if (results.scale) {
    console.log('\nThread-page query plans (100,000-comment thread):');
    for (const [name, q] of Object.entries(results.scale.queryPlan)) console.log(`  ${name}: ${q.plan.join(' | ')}`);
  }
  console.log(`\nWrote ${RESULTS}`);
  if (failures.length) {
    console.error(`Failed: ${failures.join(', ')}`);
    process.exitCode = 1;
  }
}

await main();
