#!/usr/bin/env node
/**
 * A stand-in for Prisma's native `schema-engine` binary, for machines that cannot download it.
 *
 * The Prisma CLI runs the executable named by PRISMA_SCHEMA_ENGINE_BINARY in two ways:
 *   engine --datamodels <schema.prisma>… --datasource '{"url":…}'   JSON-RPC 2.0 on stdin/stdout, one message a line
 *   engine --datasource '{"url":…}' cli can-connect-to-database|create-database|drop-database   exit code only
 * and `engine --version`. Logs go to stderr as JSON lines (the CLI skips the first stderr line in the `cli` form).
 *
 * The work is done by `@prisma/schema-engine-wasm` (the same engine compiled to wasm) on top of
 * `@prisma/adapter-pg`, with these fixes (see pg-adapter.mjs and below):
 *   1. columns of Postgres's one-byte "char" type (oid 18) are read as text and labelled Character;
 *   2. the shadow database is opened with discrete connection fields, so it is really a separate database;
 *   3. `evaluateDataLoss` (and other shadow-database users) right after `applyMigrations` fail with
 *      "PostgreSQL shadow DB must be provided through an external factory": run `devDiagnostic`, retry once;
 *   4. `migrate diff` output is sent to the CLI as a `print` request, as the native engine does;
 *   5. migration scripts run as one simple query (adapter-pg splits them on every ";").
 * Set SCHEMA_ENGINE_SHIM_DEBUG=1 to log the JSON-RPC traffic to stderr.
 */
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { format } from "node:util";
import {
  ShimPgAdapterFactory,
  UserFacingError,
  connectionError,
  createDatabase,
  dropDatabase,
  pgConfigFromUrl,
  withClient,
} from "./pg-adapter.mjs";
import { createWasmEngine, isWasmPanic, takePanicMessage, wasmEngineVersion } from "./wasm-engine.mjs";

const isDebug =
  /^(1|true|yes)$/i.test(process.env.SCHEMA_ENGINE_SHIM_DEBUG ?? "") ||
  /debug|trace/i.test(process.env.RUST_LOG ?? "");
const LEVELS = { TRACE: 0, DEBUG: 1, INFO: 2, WARN: 3, ERROR: 4 };
const minLevel = isDebug ? LEVELS.DEBUG : LEVELS.INFO;

// ---------------------------------------------------------------------------------------------------------
// Output: stdout carries only JSON-RPC messages, stderr only JSON log lines.

function writeStderr(text) {
  try {
    process.stderr.write(text);
  } catch {
    // the CLI is gone
  }
}

function writeLogRecord(record) {
  const level = String(record.level ?? "INFO").toUpperCase();
  if ((LEVELS[level] ?? LEVELS.INFO) < minLevel) return;
  writeStderr(`${JSON.stringify({ timestamp: new Date().toISOString(), ...record, level })}\n`);
}

function log(level, message, fields = {}, target = "schema_engine_shim") {
  writeLogRecord({ level, fields: { message, ...fields }, target });
}

/** Logs from the wasm engine arrive as JSON strings ({ level, fields: { message, … }, target }). */
function onEngineLog(line) {
  const text = String(line);
  try {
    const record = JSON.parse(text);
    if (record && typeof record === "object" && record.fields) return writeLogRecord(record);
  } catch {
    // not JSON: wrap it
  }
  log("INFO", text.trim(), {}, "schema_engine_wasm");
}

// Nothing may print plain text: route console output and process warnings (e.g. pg's sslmode notice) to JSON logs.
for (const [method, level] of [
  ["log", "INFO"],
  ["info", "INFO"],
  ["debug", "DEBUG"],
  ["warn", "WARN"],
  ["error", "ERROR"],
  ["trace", "DEBUG"],
]) {
  console[method] = (...args) => log(level, format(...args), {}, "console");
}
process.removeAllListeners("warning");
process.on("warning", (warning) => log("WARN", `${warning.name}: ${warning.message}`, {}, "node"));
process.stdout.on("error", () => {});
process.stderr.on("error", () => {});

// ---------------------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const args = { datamodels: [], datasource: undefined, cli: undefined, version: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case "--version":
      case "-V":
        args.version = true;
        break;
      case "--help":
      case "-h":
        args.help = true;
        break;
      case "--datamodels":
      case "-d":
        args.datamodels.push(value());
        break;
      case "--datasource":
        args.datasource = value();
        break;
      case "--enabled-preview-features":
      case "--extension-types":
        value(); // not used by the wasm engine
        break;
      case "cli":
        args.cli = argv[i + 1] && !argv[i + 1].startsWith("-") ? argv[++i] : undefined;
        args.cliSeen = true;
        break;
      default:
        if (args.cliSeen && !args.cli && !flag.startsWith("-")) args.cli = flag;
        else log("WARN", `Ignoring unknown argument ${JSON.stringify(flag)}`);
    }
  }
  return args;
}

/** `--datasource` is JSON ({ url, shadowDatabaseUrl }); older CLIs passed a bare URL. */
function parseDatasource(raw) {
  if (!raw) return {};
  try {
    const parsed = JSON.parse(raw);
    if (typeof parsed === "string") return { url: parsed };
    return parsed && typeof parsed === "object" ? parsed : {};
  } catch {
    return { url: raw };
  }
}

// ---------------------------------------------------------------------------------------------------------
// `cli …` form: answer with the exit code; errors as an ERROR log with error_code for the CLI to read.

async function runCliCommand(command, datasource) {
  log("INFO", "Starting schema engine CLI (wasm stand-in)", { git_hash: wasmEngineVersion() });
  let parsed;
  try {
    if (!datasource.url) throw new Error("No datasource URL given (--datasource).");
    parsed = pgConfigFromUrl(datasource.url);
    const { config } = parsed;
    switch (command) {
      case "can-connect-to-database":
        await withClient(config, (client) => client.query("SELECT 1"));
        break;
      case "create-database":
        await createDatabase(config, config.database);
        process.stdout.write(`Database '${config.database}' was successfully created.\n`);
        break;
      case "drop-database":
        await dropDatabase(config, config.database);
        process.stdout.write(`The database '${config.database}' was successfully dropped.\n`);
        break;
      default:
        throw new Error(
          `Unknown cli command ${JSON.stringify(command)}. Expected can-connect-to-database, create-database or drop-database.`,
        );
    }
    return 0;
  } catch (error) {
    const mapped = parsed
      ? connectionError(error, {
          host: parsed.host,
          port: parsed.port,
          database: parsed.config.database,
          user: parsed.config.user,
        })
      : error;
    const fields = { message: mapped?.message ?? String(mapped) };
    if (mapped instanceof UserFacingError) fields.error_code = mapped.code;
    writeLogRecord({ level: "ERROR", fields, target: "schema_engine::logger" });
    return 1;
  }
}

// ---------------------------------------------------------------------------------------------------------
// JSON-RPC form

const SHADOW_FACTORY_ERROR = /shadow DB must be provided through an external factory/i;

class RpcServer {
  constructor({ datamodelPaths, datasource }) {
    this.datamodelPaths = datamodelPaths;
    this.datasource = datasource;
    this.factory = new ShimPgAdapterFactory({
      url: datasource.url,
      shadowDatabaseUrl: datasource.shadowDatabaseUrl,
      log: (level, message) => log(level, message),
    });
    this.nextClientRequestId = 1;
    /** Our own requests to the CLI (`print`), waiting for its answer. */
    this.pendingClientRequests = new Map();
    this.queue = Promise.resolve();
    this.enginePromise = undefined;
  }

  engine() {
    this.enginePromise ??= (async () => {
      const datamodels = this.datamodelPaths.map((file) => {
        const absolute = path.resolve(file);
        try {
          return [file, fs.readFileSync(absolute, "utf8")];
        } catch (error) {
          throw new Error(`Could not read the Prisma schema file at ${absolute}: ${error.message}`);
        }
      });
      const { engine, errorRegistry } = createWasmEngine({
        datamodels,
        adapterFactory: this.factory,
        onLog: onEngineLog,
      });
      this.errorRegistry = errorRegistry;
      return await engine;
    })();
    return this.enginePromise;
  }

  send(message) {
    const line = JSON.stringify(message);
    if (isDebug) log("DEBUG", `-> ${line.slice(0, 2000)}`, {}, "schema_engine_shim::rpc");
    try {
      process.stdout.write(`${line}\n`);
    } catch {
      // the CLI is gone
    }
  }

  /** Sends a request to the CLI and waits for its answer (or for stdin to close). */
  requestClient(method, params) {
    const id = `shim-${this.nextClientRequestId++}`;
    return new Promise((resolve) => {
      this.pendingClientRequests.set(id, resolve);
      this.send({ jsonrpc: "2.0", id, method, params });
    });
  }

  onLine(line) {
    if (!line.trim()) return;
    if (isDebug) log("DEBUG", `<- ${line.slice(0, 2000)}`, {}, "schema_engine_shim::rpc");
    let message;
    try {
      message = JSON.parse(line);
    } catch (error) {
      this.send({
        jsonrpc: "2.0",
        id: null,
        error: { code: -32700, message: `Parse error: ${error.message}` },
      });
      return;
    }
    if (message && message.method === undefined && message.id !== undefined) {
      const resolve = this.pendingClientRequests.get(message.id);
      if (resolve) {
        this.pendingClientRequests.delete(message.id);
        resolve(message);
      }
      return;
    }
    if (!message || typeof message.method !== "string") {
      this.send({
        jsonrpc: "2.0",
        id: message?.id ?? null,
        error: { code: -32600, message: "Invalid Request" },
      });
      return;
    }
    // One request at a time, in order, like the native engine.
    this.queue = this.queue.then(() => this.handle(message));
  }

  onClose() {
    for (const resolve of this.pendingClientRequests.values()) resolve(undefined);
    this.pendingClientRequests.clear();
  }

  async handle({ id, method, params }) {
    const started = Date.now();
    this.factory.lastScriptError = undefined;
    this.factory.lastConnectionError = undefined;
    const current = { id, method };
    this.current = current;
    try {
      const result = await this.dispatch(method, params ?? {});
      if (this.current !== current) return; // already answered (engine panic)
      log("DEBUG", `${method} done in ${Date.now() - started} ms`);
      if (id !== undefined) this.send({ jsonrpc: "2.0", id, result: result === undefined ? {} : result });
    } catch (error) {
      if (this.current !== current) return;
      const rpcError = this.toRpcError(error, method);
      log(
        "DEBUG",
        `${method} failed in ${Date.now() - started} ms: ${rpcError.data?.message ?? rpcError.message}`,
      );
      if (id !== undefined) this.send({ jsonrpc: "2.0", id, error: rpcError });
    } finally {
      if (this.current === current) this.current = undefined;
    }
  }

  async dispatch(method, params) {
    switch (method) {
      case "getDatabaseVersion":
        return (await this.engine()).version(params?.datasource ? params : undefined);
      case "createDatabase":
        return this.createDatabase(params);
      case "dbExecute":
        return this.dbExecute(params);
      case "diff":
        return this.diff(params);
      case "debugPanic":
        (await this.engine()).debugPanic();
        return {};
      case "getDatabaseDescription":
        throw new Error("getDatabaseDescription is not supported by the wasm schema engine stand-in.");
      case "applyMigrations":
      case "createMigration":
      case "devDiagnostic":
      case "diagnoseMigrationHistory":
      case "ensureConnectionValidity":
      case "evaluateDataLoss":
      case "introspect":
      case "introspectSql":
      case "markMigrationApplied":
      case "markMigrationRolledBack":
      case "reset":
      case "schemaPush":
        return this.call(method, params);
      default: {
        const error = new Error(`Unknown method ${JSON.stringify(method)}`);
        error.rpcCode = -32601;
        throw error;
      }
    }
  }

  /** Calls a wasm engine method, retrying once after `devDiagnostic` when the shadow-DB factory got lost. */
  async call(method, params) {
    const engine = await this.engine();
    try {
      return await engine[method](params);
    } catch (error) {
      const migrationsList =
        params?.migrationsList ??
        (params?.from?.tag === "migrations"
          ? params.from
          : params?.to?.tag === "migrations"
            ? params.to
            : undefined);
      if (!SHADOW_FACTORY_ERROR.test(String(error?.message)) || !migrationsList) throw error;
      log("DEBUG", `${method}: shadow database factory lost, re-arming it with devDiagnostic and retrying`);
      const { tag: _tag, ...list } = migrationsList;
      await engine.devDiagnostic({
        migrationsList: list,
        filters: params.filters ?? { externalTables: [], externalEnums: [] },
      });
      return await engine[method](params);
    }
  }

  /** The native engine prints the diff through a `print` request to the CLI; the wasm engine returns it. */
  async diff(params) {
    const { stdout, ...rest } = await this.call("diff", params);
    if (typeof stdout === "string" && stdout.length > 0) {
      await this.requestClient("print", { content: stdout.replace(/\r?\n$/, "") });
    }
    return { exitCode: rest.exitCode ?? 0 };
  }

  /** `db execute`: run the script as one simple query on the given (or configured) database. */
  async dbExecute(params) {
    const source = params?.datasourceType;
    const url = source?.tag === "url" ? source.url : this.datasource.url;
    if (!url) throw new Error("db execute: no datasource URL.");
    const parsed = pgConfigFromUrl(url);
    try {
      await withClient(parsed.config, (client) => client.query(params.script ?? ""));
    } catch (error) {
      const mapped = connectionError(error, {
        host: parsed.host,
        port: parsed.port,
        database: parsed.config.database,
        user: parsed.config.user,
      });
      if (mapped instanceof UserFacingError) throw mapped;
      throw new Error(formatPgError(error));
    }
    return {};
  }

  async createDatabase(params) {
    const url = params?.datasource?.url ?? this.datasource.url;
    if (!url) throw new Error("createDatabase: no datasource URL.");
    const parsed = pgConfigFromUrl(url);
    try {
      await createDatabase(parsed.config, parsed.config.database);
    } catch (error) {
      const mapped = connectionError(error, {
        host: parsed.host,
        port: parsed.port,
        database: parsed.config.database,
        user: parsed.config.user,
      });
      throw mapped instanceof UserFacingError ? mapped : new Error(formatPgError(error));
    }
    return { databaseName: parsed.config.database };
  }

  /** The error shapes the CLI understands (see its SchemaEngineCLI.runCommand). */
  toRpcError(error, method) {
    if (error?.rpcCode) return { code: error.rpcCode, message: error.message };
    if (isWasmPanic(error)) {
      const message = takePanicMessage(error);
      log("ERROR", message, { is_panic: true, method });
      return {
        code: 4466,
        message: "An error happened. Check the data field for details.",
        data: { is_panic: true, message, error: { message }, backtrace: error?.stack ?? null },
      };
    }
    const failedMigration = this.failedMigrationError(error);
    if (failedMigration) error = failedMigration;
    else if (
      this.factory.lastConnectionError &&
      !(typeof error?.code === "string" && /^P\d{4}$/.test(error.code))
    ) {
      error = this.factory.lastConnectionError;
    }
    const message = this.readableMessage(error);
    const data = { is_panic: false, message };
    if (typeof error?.code === "string" && /^P\d{4}$/.test(error.code)) {
      data.error_code = error.code;
      data.meta = error.meta ?? null;
    } else {
      data.backtrace = null;
    }
    return { code: 4466, message: "An error happened. Check the data field for details.", data };
  }

  /**
   * A migration script that fails on the main database comes back from the wasm engine as "external connector
   * error" with adapter-pg's paraphrase ("No such table: X"); the native engine reports P3018 with Postgres's
   * own error. Rebuild that from the error the adapter saw.
   */
  failedMigrationError(error) {
    const scriptError = this.factory.lastScriptError;
    if (!scriptError || (typeof error?.code === "string" && /^P\d{4}$/.test(error.code))) return undefined;
    const text = String(error?.message ?? "");
    const name = /apply_script\s+with migration_name="([^"]+)"/.exec(text)?.[1];
    if (!name) return undefined;
    const databaseErrorCode = typeof scriptError.code === "string" ? scriptError.code : "N/A";
    const databaseError = formatPgError(scriptError);
    return new UserFacingError(
      "P3018",
      `A migration failed to apply. New migrations cannot be applied before the error is recovered from. Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve\n\nMigration name: ${name}\n\nDatabase error code: ${databaseErrorCode}\n\nDatabase error:\n${databaseError}\n`,
      { migration_name: name, database_error_code: databaseErrorCode, database_error: databaseError },
    );
  }

  /** Replaces references to JS errors held in the adapter's error registry by their messages. */
  readableMessage(error) {
    let message = String(error?.message ?? error);
    const scriptError = this.factory.lastScriptError;
    if (scriptError) {
      // e.g. P3006 (a migration failing on the shadow database): show Postgres's message, not the paraphrase.
      message = message.replace(
        /external connector error\n[^\n]*/,
        () =>
          `Database error code: ${scriptError.code ?? "N/A"}\n\nDatabase error:\n${formatPgError(scriptError)}`,
      );
    }
    const registry = this.errorRegistry;
    if (registry) {
      message = message.replace(
        /External error id#(\d+)|GenericJs\s*\{\s*id:\s*(\d+)\s*\}/g,
        (whole, id1, id2) => {
          const id = id1 ?? id2;
          const held = registry.consumeError(Number(id));
          return held?.error ? `${held.error.message ?? held.error}` : whole;
        },
      );
    }
    return message;
  }
}

function formatPgError(error) {
  if (!error || typeof error !== "object") return String(error);
  const lines = [`ERROR: ${error.message}`];
  if (error.detail) lines.push(`DETAIL: ${error.detail}`);
  if (error.hint) lines.push(`HINT: ${error.hint}`);
  if (error.position) lines.push(`POSITION: ${error.position}`);
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------------------

let shuttingDown = false;
async function shutdown(server, code) {
  if (shuttingDown) return;
  shuttingDown = true;
  setTimeout(() => process.exit(code), 3000).unref();
  server?.onClose();
  try {
    await server?.factory.close();
  } catch {
    // exiting anyway
  }
  process.exit(code);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.version) {
    process.stdout.write(`schema-engine-cli ${wasmEngineVersion()} (wasm stand-in)\n`);
    return process.exit(0);
  }
  if (args.help) {
    process.stdout.write(
      "Usage: engine.mjs [--datamodels <schema>]... [--datasource <json>] [cli can-connect-to-database|create-database|drop-database]\n" +
        "Stand-in for Prisma's schema-engine, built on @prisma/schema-engine-wasm and @prisma/adapter-pg. Speaks JSON-RPC on stdin/stdout.\n",
    );
    return process.exit(0);
  }
  const datasource = parseDatasource(args.datasource);
  if (args.cliSeen) {
    process.exit(await runCliCommand(args.cli, datasource));
  }

  log("INFO", "Starting schema engine RPC server (wasm stand-in)", { git_hash: wasmEngineVersion() });
  const server = new RpcServer({ datamodelPaths: args.datamodels, datasource });
  // A panic inside an engine task surfaces here, not as a rejected call: answer the request in flight with it
  // (the wasm instance is unusable afterwards), then exit.
  const fatal = (kind) => (error) => {
    if (server.current?.id !== undefined) {
      const { id, method } = server.current;
      server.current = undefined;
      server.send({ jsonrpc: "2.0", id, error: server.toRpcError(error, method) });
    } else {
      log("ERROR", `${kind}: ${error?.stack ?? error}`);
    }
    void shutdown(server, 1);
  };
  process.on("uncaughtException", fatal("Uncaught exception"));
  process.on("unhandledRejection", fatal("Unhandled rejection"));
  for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) process.on(signal, () => void shutdown(server, 0));
  // Start compiling the engine while the CLI prepares its first request; errors surface on that request.
  server.engine().catch(() => {});
  const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  input.on("line", (line) => server.onLine(line));
  // The CLI stops the engine by closing stdin (then kills it). Answer what was already asked, then exit;
  // don't outlive a vanished parent by more than a few seconds.
  input.on("close", () => {
    server.onClose();
    setTimeout(() => void shutdown(server, 0), 10_000).unref();
    void server.queue.finally(() => shutdown(server, 0));
  });
}

main().catch((error) => {
  log("ERROR", error?.stack ?? String(error), {}, "schema_engine::logger");
  process.exit(1);
});
