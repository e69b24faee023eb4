// Summarises a V8 .cpuprofile (from node --cpu-prof): the functions with the most self time,
// so a missed target can be traced to what actually burns the server's CPU.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

export interface Frame {
  fn: string;
  where: string;
  selfPct: number;
}

/** Top frames of the first .cpuprofile in dir (the server's main thread). */
export function topFrames(dir: string, count = 15): Frame[] {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  return file ? topFramesOf(JSON.parse(readFileSync(join(dir, file), 'utf8')) as { nodes: ProfileNode[] }, count) : [];
}

/** Top self-time frames of a profile in V8's format (also what Chromium's Profiler.stop returns). */
export function topFramesOf(profile: { nodes: ProfileNode[] }, count = 15): Frame[] {
  const self = new Map<string, number>();
  let total = 0;
  for (const n of profile.nodes) {
    const hits = n.hitCount ?? 0;
    total += hits;
    const url = n.callFrame.url.replace(/^file:\/\//, '');
    const where = !url ? '' : /^https?:/.test(url) ? `${new URL(url).pathname}:${n.callFrame.lineNumber + 1}` : `${relative(process.cwd(), url)}:${n.callFrame.lineNumber + 1}`;
    const key = `${n.callFrame.functionName || '(anonymous)'}\t${where}`;
    self.set(key, (self.get(key) ?? 0) + hits);
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, hits]) => {
      const [fn, where] = key.split('\t');
      return { fn, where, selfPct: Math.round((1000 * hits) / Math.max(1, total)) / 10 };
    });
}

export function formatFrames(frames: Frame[]): string {
  return frames.map((f) => `${String(f.selfPct).padStart(5)}%  ${f.fn}  ${f.where}`).join('\n');
}
