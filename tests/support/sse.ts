/**
 * Reads a Server-Sent Events response the way EventSource does: messages separated by a blank line, with
 * `event:`, `id:` and `data:` fields; comment lines (`: heartbeat`) skipped.
 */
export type SseMessage = { event: string; id?: string; data: string; json: unknown };

export type SseReader = {
  /** The next message matching `accept` (others are kept in `skipped`); rejects after `timeoutMs`. */
  next: (accept?: (message: SseMessage) => boolean, timeoutMs?: number) => Promise<SseMessage>;
  /** Messages passed over by `next`, in order. */
  skipped: SseMessage[];
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close: () => Promise<void>;
};

export function readSse(response: Response): SseReader {
  if (!response.body) throw new Error("No body");
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const queue: SseMessage[] = [];
  const waiters: (() => void)[] = [];
  let buffer = "";
  let isDone = false;
  const wake = () => waiters.splice(0).forEach((w) => w());
  const parse = (block: string) => {
    let event = "message";
    let id: string | undefined;
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line.startsWith(":") || line === "") continue;
      const colon = line.indexOf(":");
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "event") event = value;
      else if (field === "id") id = value;
      else if (field === "data") data.push(value);
    }
    if (data.length === 0) return;
    const text = data.join("\n");
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    queue.push({ event, id, data: text, json });
  };
  const ended = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let index: number;
        while ((index = buffer.indexOf("\n\n")) !== -1) {
          parse(buffer.slice(0, index));
          buffer = buffer.slice(index + 2);
        }
        wake();
      }
    } catch {
      // cancelled
    } finally {
      isDone = true;
      wake();
    }
  })();
  const skipped: SseMessage[] = [];
  const next = async (accept: (message: SseMessage) => boolean = () => true, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      while (queue.length > 0) {
        const message = queue.shift()!;
        if (accept(message)) return message;
        skipped.push(message);
      }
      if (isDone) throw new Error("The stream ended");
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error("No matching message in time");
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  };
  return {
    next,
    skipped,
    ended,
    close: async () => {
      await reader.cancel().catch(() => undefined);
      await ended;
    },
  };
}
