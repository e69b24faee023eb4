// The demo's own mailbox: a local SMTP server (smtp-server) that keeps what Parley sends, so a
// reply notice can be read at /demo/mailbox without any mail account. Messages live in memory
// while the demo runs.
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

export interface DemoMail {
  id: number;
  to: string;
  from: string;
  subject: string;
  date: Date;
  text: string;
  html: string;
  unsubscribe: string;
}

export interface DemoMailbox {
  url: string;
  messages: DemoMail[];
  close(): Promise<void>;
}

export async function startDemoMailbox(): Promise<DemoMailbox> {
  const messages: DemoMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (m) => {
          const to = m.to && !Array.isArray(m.to) ? m.to.text : '';
          const unsubscribe = (m.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '').match(/<([^>]+)>/)?.[1] ?? '';
          messages.unshift({ id: messages.length + 1, to, from: m.from?.text ?? '', subject: m.subject ?? '', date: m.date ?? new Date(), text: m.text ?? '', html: m.html || '', unsubscribe });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.server.address() as { port: number }).port)));
  return { url: `smtp://127.0.0.1:${port}`, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
