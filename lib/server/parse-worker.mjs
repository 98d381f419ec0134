// The entry of the parse sandbox (lib/server/sandbox.ts): one worker thread per task, with a heap limit, a
// wall-clock deadline and a memory watchdog set by the parent. Plain JavaScript so that no bundler has to
// understand it; tsx (a runtime dependency: `npm start` runs through it too) loads the TypeScript tasks, so
// the parsers of untrusted bytes (mammoth, unpdf, papaparse, JSON.parse) run here and never on the server's
// event loop.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register({ tsconfig: new URL("../../tsconfig.json", import.meta.url).pathname });

try {
  const { runParseTask } = await import(new URL("./parse-tasks.ts", import.meta.url).href);
  const result = await runParseTask(workerData.task, workerData.input);
  parentPort.postMessage({ ok: true, result });
} catch (error) {
  const known = error && typeof error === "object" && typeof error.name === "string";
  parentPort.postMessage({
    ok: false,
    error: {
      name: known ? error.name : "Error",
      code: known && typeof error.code === "string" ? error.code : undefined,
      // expected errors carry a message for the user; anything else stays in the server log
      message: known ? String(error.message) : String(error),
    },
  });
}
