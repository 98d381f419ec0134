/**
 * A real SMTP server (npm smtp-server) that keeps received messages in memory and serves them as
 * JSON over HTTP, so end-to-end tests read the emails the app really sent over SMTP.
 */
import http from "node:http";
import { SMTPServer } from "smtp-server";

export type CapturedMail = { to: string[]; raw: string; receivedAt: string };

export async function startMailCapture(smtpPort: number, httpPort: number) {
  const messages: CapturedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        messages.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
          raw: Buffer.concat(chunks).toString("utf8"),
          receivedAt: new Date().toISOString(),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(smtpPort, "127.0.0.1", resolve));
  const api = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const to = url.searchParams.get("to")?.toLowerCase();
    const found = to ? messages.filter((message) => message.to.includes(to)) : messages;
    res.setHeader("Content-Type", "application/json");
    res.end(JSON.stringify(found));
  });
  await new Promise<void>((resolve) => api.listen(httpPort, "127.0.0.1", resolve));
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    close: async () => {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await new Promise<void>((resolve) => api.close(() => resolve()));
    },
  };
}
