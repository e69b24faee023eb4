// The one port every transport fills: SMTP through nodemailer on Node (runtime/smtp-mailer.ts),
// an HTTP mail API where SMTP is not available (Workers), both configured by URL.

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** List-Unsubscribe and List-Unsubscribe-Post (RFC 8058), and any other header to add. */
  headers: Record<string, string>;
}

export interface Mailer {
  /** Resolves once the transport accepted the message; throws when it did not. */
  send(mail: OutgoingMail): Promise<void>;
}

/** What the server needs to mail anyone: a transport, a default sender, and where its links point. */
export interface MailConfig {
  mailer: Mailer;
  /** The From address when a site sets none. */
  from: string;
  /** This API's public address, for unsubscribe links (e.g. https://comments.example.com). */
  publicUrl: string;
}

/**
 * Mail through an HTTP API: a POST of `{ from, to, subject, text, html, headers }` as JSON with the
 * key as a bearer token. That is the request Resend's API takes as it is; for another provider,
 * point the URL at a small relay that speaks it. A non-2xx answer is a failure (retried).
 */
export function httpMailer(url: string, key: string, fetcher: (url: string, init: RequestInit) => Promise<Response> = fetch): Mailer {
  return {
    async send(mail) {
      const res = await fetcher(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
        body: JSON.stringify(mail),
        signal: AbortSignal.timeout(15_000),
      });
      const answer = await res.text().catch(() => '');
      if (!res.ok) throw new Error(`the mail API answered ${res.status}${answer ? `: ${answer.slice(0, 200)}` : ''}`);
    },
  };
}
