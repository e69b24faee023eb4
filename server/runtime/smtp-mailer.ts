// SMTP on Node: nodemailer with the server's SMTP_URL (smtp://user:pass@host:587, or smtps://…).
// Node only: Workers cannot open SMTP connections and use the HTTP mailer instead.
import nodemailer from 'nodemailer';
import type { Mailer } from '../services/mail/mailer';

export function smtpMailer(url: string): Mailer & { close(): void } {
  const transport = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transport.sendMail({ from: mail.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, headers: mail.headers });
    },
    close: () => transport.close(),
  };
}
