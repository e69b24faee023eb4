// Progress of a long import on stderr: a bar redrawn in place on a terminal (count, rate, ETA
// from the bytes read of the file's size), plain lines every `every` comments otherwise (logs, CI).
export interface Progress {
  update(bytesRead: number, comments: number): void;
  done(): void;
}

const BAR = 24;

export function progressReporter(totalBytes: number, stream: NodeJS.WriteStream = process.stderr, every = 10_000): Progress {
  const started = Date.now();
  let lastDraw = 0;
  let lastLine = 0;
  let drawn = false;
  const rate = (comments: number) => comments / Math.max(0.001, (Date.now() - started) / 1000);
  return {
    update(bytesRead, comments) {
      if (stream.isTTY) {
        if (Date.now() - lastDraw < 100) return;
        lastDraw = Date.now();
        const share = totalBytes ? Math.min(1, bytesRead / totalBytes) : 0;
        const elapsed = (Date.now() - started) / 1000;
        const eta = share > 0 ? Math.max(0, elapsed / share - elapsed) : NaN;
        const bar = '#'.repeat(Math.round(share * BAR)).padEnd(BAR, '.');
        stream.write(`\r[${bar}] ${(share * 100).toFixed(0).padStart(3)}%  ${comments.toLocaleString('en')} comments  ${Math.round(rate(comments)).toLocaleString('en')}/s  ETA ${formatSeconds(eta)}  `);
        drawn = true;
      } else if (comments - lastLine >= every) {
        lastLine = comments - (comments % every);
        stream.write(`${comments.toLocaleString('en')} comments, ${Math.round(rate(comments)).toLocaleString('en')}/s, ${((bytesRead / Math.max(1, totalBytes)) * 100).toFixed(0)}% of the file\n`);
      }
    },
    done() {
      if (drawn) stream.write('\n');
    },
  };
}

function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '–';
  const m = Math.floor(s / 60);
  return m ? `${m}m ${Math.round(s % 60)}s` : `${Math.round(s)}s`;
}
