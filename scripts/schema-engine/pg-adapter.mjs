/**
 * The database side of the schema-engine stand-in: a migration-aware driver adapter factory built on
 * `@prisma/adapter-pg`, with the fixes the wasm schema engine needs on Postgres (see engine.mjs).
 */
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum, DriverAdapterError } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { parse as parseConnectionString } from "pg-connection-string";

/** Type oids `@prisma/adapter-pg` (7.10) can turn into a column type; anything else below 16384 makes it throw. */
const SUPPORTED_OIDS = new Set([
  16, 17, 19, 20, 21, 23, 25, 26, 114, 142, 650, 700, 701, 790, 869, 1042, 1043, 1082, 1083, 1114, 1184, 1266,
  1560, 1562, 1700, 2950, 3802,
  // arrays
  143, 199, 651, 791, 1000, 1001, 1002, 1005, 1007, 1009, 1014, 1015, 1016, 1021, 1022, 1028, 1041, 1115,
  1182, 1183, 1185, 1231, 1561, 1563, 2951, 3807,
]);
const CHAR_OID = 18; // Postgres's one-byte "char" (pg_constraint.contype, pg_class.relkind, …)
const TEXT_OID = 25;
const FIRST_NORMAL_OBJECT_ID = 16384;

/** URL parameters Prisma understands that node-postgres does not. */
const PRISMA_ONLY_PARAMS = [
  "schema",
  "connection_limit",
  "pool_timeout",
  "connect_timeout",
  "socket_timeout",
  "sslaccept",
  "sslidentity",
  "sslpassword",
  "pgbouncer",
  "statement_cache_size",
  "max_idle_connection_lifetime",
  "max_connection_lifetime",
];

/**
 * Parses a postgres:// URL into discrete node-postgres fields (never `connectionString`: in pg a
 * connectionString wins over `database`, which would turn the "shadow database" into the real one).
 * @param {string} url
 */
export function pgConfigFromUrl(url) {
  if (!/^postgres(ql)?:\/\//i.test(url)) {
    throw new UserFacingError(
      "P1013",
      `The provided database string is invalid. The scheme is not recognized in database URL. Please refer to the documentation in https://pris.ly/d/config-url for constructing a correct connection string. In some cases, certain characters must be escaped. Please check the string for any illegal characters.`,
    );
  }
  const parsed = { ...parseConnectionString(url, { useLibpqCompat: !/[?&]uselibpqcompat=/i.test(url) }) };
  const schema = typeof parsed.schema === "string" && parsed.schema ? parsed.schema : undefined;
  /** @type {import("pg").PoolConfig} */
  const config = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (value === null || value === undefined || PRISMA_ONLY_PARAMS.includes(key)) continue;
    config[key] = value;
  }
  if (config.port !== undefined && config.port !== "") config.port = Number(config.port);
  else delete config.port;
  if (parsed.connect_timeout) config.connectionTimeoutMillis = Number(parsed.connect_timeout) * 1000;
  else config.connectionTimeoutMillis = 10_000;
  if (parsed.connection_limit) config.max = Math.max(2, Number(parsed.connection_limit));
  if (parsed.sslaccept === "accept_invalid_certs" && config.ssl && typeof config.ssl === "object") {
    config.ssl.rejectUnauthorized = false;
  }
  if (schema) {
    const searchPath = `-c search_path="${schema.replace(/"/g, '""')}"`;
    config.options = config.options ? `${config.options} ${searchPath}` : searchPath;
  }
  config.application_name ??= "prisma-schema-engine-shim";
  return { config, schema, host: config.host ?? "localhost", port: config.port ?? 5432 };
}

/** An error the CLI shows with its Pxxxx code (same shape as the wasm engine's user-facing errors). */
export class UserFacingError extends Error {
  /** @param {string} code @param {string} message @param {Record<string, unknown>} [meta] */
  constructor(code, message, meta) {
    super(message);
    this.name = "UserFacingError";
    this.code = code;
    this.meta = meta ?? null;
  }
}

/** Maps a node-postgres connection error to Prisma's P1xxx errors. */
export function connectionError(error, { host, port, database, user }) {
  const at = `${host}:${port}`;
  switch (error?.code) {
    case "3D000":
      return new UserFacingError(
        "P1003",
        `Database \`${database}\` does not exist on the database server at \`${at}\`.`,
        { database_name: database, database_host: host, database_port: port },
      );
    case "28P01":
      return new UserFacingError(
        "P1000",
        `Authentication failed against database server at \`${host}\`, the provided database credentials for \`${user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at \`${host}\`.`,
        { database_user: user, database_host: host },
      );
    case "28000":
      return new UserFacingError(
        "P1010",
        `User \`${user}\` was denied access on the database \`${database}\``,
        {
          database_user: user,
          database_name: database,
        },
      );
    case "42P04":
      return new UserFacingError(
        "P1009",
        `Database \`${database}\` already exists on the database server at \`${at}\``,
        { database_name: database, database_host: host, database_port: port },
      );
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
    case "EAI_AGAIN":
      return new UserFacingError(
        "P1001",
        `Can't reach database server at \`${at}\`\n\nPlease make sure your database server is running at \`${at}\`.`,
        { database_host: host, database_port: port },
      );
    default:
      if (/timeout/i.test(String(error?.message))) {
        return new UserFacingError(
          "P1002",
          `The database server at \`${at}\` was reached but timed out.\n\nPlease try again.\n\nPlease make sure your database server is running at \`${at}\`.`,
          { database_host: host, database_port: port },
        );
      }
      return error instanceof Error ? error : new Error(String(error));
  }
}

const CONNECTION_FAILURE_CODES = new Set([
  "3D000",
  "28P01",
  "28000",
  "ECONNREFUSED",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);

/** adapter-pg error kinds that mean "could not connect". */
const CONNECTION_FAILURE_KINDS = new Set([
  "DatabaseNotReachable",
  "DatabaseDoesNotExist",
  "AuthenticationFailed",
  "DatabaseAccessDenied",
  "SocketTimeout",
  "ConnectionClosed",
  "TlsConnectionError",
]);

/** The engine's first query (server version and capabilities). */
const PROBE_SQL = /^\s*SELECT EXISTS\(SELECT 1 FROM pg_namespace WHERE nspname = \$1\), version\(\)/i;

/** Errors that mean "could not connect" (as opposed to a failing statement). */
export function isConnectionFailure(error) {
  return (
    CONNECTION_FAILURE_CODES.has(error?.code) ||
    /connection timeout|timeout expired/i.test(String(error?.message))
  );
}

const quoteIdent = (name) => `"${String(name).replace(/"/g, '""')}"`;

/**
 * Runs one statement on a short-lived connection to `database` (or the URL's own database).
 * @param {import("pg").ClientConfig} config
 */
export async function withClient(config, fn) {
  const client = new pg.Client(config);
  client.on("error", () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** The server's maintenance database (postgres, else template1), for CREATE/DROP DATABASE. */
export async function withMaintenanceClient(config, fn) {
  let lastError;
  for (const database of ["postgres", "template1"]) {
    try {
      return await withClient({ ...config, database }, fn);
    } catch (error) {
      lastError = error;
      if (error?.code !== "3D000") throw error;
    }
  }
  throw lastError;
}

async function dropDatabaseWith(client, name) {
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  } catch (error) {
    if (error?.code !== "42601") throw error; // Postgres < 13 has no WITH (FORCE)
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
  }
}

/** Drops the database `name` of the server in `config` (from its maintenance database). */
export async function dropDatabase(config, name) {
  await withMaintenanceClient(config, (client) => dropDatabaseWith(client, name));
}

export async function createDatabase(config, name) {
  await withMaintenanceClient(config, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
}

/**
 * Fixes applied to every queryable (connection or transaction) the engine gets:
 * - columns of the one-byte `"char"` type (oid 18, read by the engine's catalog queries, e.g.
 *   pg_constraint.contype — on Postgres 18 NOT NULL constraints are such rows) are read as text and
 *   labelled `Character`; other built-in types adapter-pg cannot label are read as text;
 * - `executeScript` sends the whole script in one simple query, like the native engine, instead of
 *   adapter-pg's split on every ";" (which breaks semicolons in strings, comments, DO blocks, functions).
 */
function patchQueryable(queryable, hooks = {}) {
  const marks = new WeakMap();
  const performIO = queryable.performIO.bind(queryable);
  queryable.performIO = async (query) => {
    let result;
    try {
      result = await performIO(query);
    } catch (error) {
      const fallback = hooks.onQueryFailure?.(query, error);
      if (!fallback) throw error;
      result = fallback;
    }
    if (result?.fields) {
      const retyped = [];
      result.fields.forEach((field, index) => {
        const oid = field.dataTypeID;
        if (oid >= FIRST_NORMAL_OBJECT_ID || SUPPORTED_OIDS.has(oid)) return;
        retyped.push([index, oid]);
        field.dataTypeID = TEXT_OID;
      });
      if (retyped.length > 0) {
        for (const row of result.rows ?? []) {
          for (const [index] of retyped) {
            const value = row[index];
            if (value !== null && value !== undefined && typeof value !== "string") {
              row[index] =
                typeof value.toPostgres === "function" ? value.toPostgres() : JSON.stringify(value);
            }
          }
        }
        marks.set(query, retyped);
        hooks.onRetyped?.(retyped.map(([, oid]) => oid));
      }
    }
    return result;
  };
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    const retyped = marks.get(query);
    if (retyped) {
      marks.delete(query);
      for (const [index, oid] of retyped) {
        if (oid === CHAR_OID) result.columnTypes[index] = ColumnTypeEnum.Character;
      }
    }
    return result;
  };
  if (typeof queryable.executeScript === "function" && queryable.client) {
    queryable.executeScript = async (script) => {
      try {
        await queryable.client.query(script);
      } catch (error) {
        hooks.onScriptError?.(error);
        if (typeof error?.code === "string" && typeof error?.severity === "string") {
          // Keep Postgres's own message (adapter-pg would turn e.g. 42P01 into "No such table: X").
          throw new DriverAdapterError({
            kind: "postgres",
            code: error.code,
            severity: error.severity,
            message: error.message,
            detail: error.detail,
            column: error.column,
            hint: error.hint,
          });
        }
        queryable.onError(error);
      }
    };
  }
  const onError = queryable.onError.bind(queryable);
  queryable.onError = (error) => {
    hooks.onError?.(error);
    return onError(error);
  };
  if (typeof queryable.startTransaction === "function") {
    const startTransaction = queryable.startTransaction.bind(queryable);
    queryable.startTransaction = async (...args) => patchQueryable(await startTransaction(...args), hooks);
  }
  return queryable;
}

/**
 * A `SqlMigrationAwareDriverAdapterFactory` for the wasm schema engine.
 * Unlike `PrismaPg.connectToShadowDb`, the shadow database really is a separate database.
 */
export class ShimPgAdapterFactory {
  provider = "postgres";
  adapterName = "@prisma/adapter-pg";

  /**
   * @param {{ url?: string, shadowDatabaseUrl?: string, log?: (level: string, message: string, fields?: object) => void }} options
   */
  constructor({ url, shadowDatabaseUrl, log }) {
    this.url = url;
    this.shadowDatabaseUrl = shadowDatabaseUrl;
    this.log = log ?? (() => {});
    this.main = url ? pgConfigFromUrl(url) : undefined;
    /** Temporary shadow databases not dropped yet. */
    this.temporaryShadowDatabases = new Set();
    /** The last error of a migration script (the engine reports it without Postgres's message). */
    this.lastScriptError = undefined;
    /** The last connection failure as a Prisma P1xxx error (the engine reports e.g. "Database not reachable"). */
    this.lastConnectionError = undefined;
    /** Type oids already reported as read as text. */
    this.retypedOids = new Set();
    /** Open adapters, closed on shutdown. */
    this.openAdapters = new Set();
  }

  #requireMain() {
    if (!this.main) {
      throw new Error(
        "No datasource URL: set `datasource.url` in prisma.config.ts (the schema engine stand-in got no --datasource).",
      );
    }
    return this.main;
  }

  async #open(parsed) {
    const factory = new PrismaPg(parsed.config, parsed.schema ? { schema: parsed.schema } : undefined);
    // Connects lazily (pg.Pool), like the native engine: `migrate diff --from-empty --to-schema` needs no database.
    const adapter = patchQueryable(await factory.connect(), {
      onScriptError: (error) => {
        this.lastScriptError = error;
      },
      onRetyped: (oids) => {
        for (const oid of oids) {
          if (this.retypedOids.has(oid)) continue;
          this.retypedOids.add(oid);
          this.log("DEBUG", `Reading columns of type oid ${oid} as text (adapter-pg cannot read them)`);
        }
      },
      onQueryFailure: (query, error) => {
        // The engine probes the server when it starts. Without a reachable database, answer that probe so
        // database-less commands (`migrate diff --from-empty --to-schema …`) work, as with the native engine;
        // anything that needs the database still fails with the connection error.
        if (!PROBE_SQL.test(query?.sql ?? "") || !CONNECTION_FAILURE_KINDS.has(error?.cause?.kind ?? ""))
          return undefined;
        this.log(
          "DEBUG",
          `No database connection (${error.cause.kind}); answering the engine's startup probe offline`,
        );
        return {
          fields: [
            { name: "exists", dataTypeID: 16 },
            { name: "version", dataTypeID: 25 },
            { name: "numeric_version", dataTypeID: 23 },
          ],
          rows: [[true, "PostgreSQL (not connected)", 0]],
          rowCount: 1,
        };
      },
      onError: (error) => {
        if (!isConnectionFailure(error)) return;
        const mapped = connectionError(error, {
          host: parsed.host,
          port: parsed.port,
          database: parsed.config.database,
          user: parsed.config.user,
        });
        if (mapped instanceof UserFacingError) this.lastConnectionError = mapped;
      },
    });
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      this.openAdapters.delete(adapter);
      await dispose();
    };
    this.openAdapters.add(adapter);
    return adapter;
  }

  async connect() {
    return this.#open(this.#requireMain());
  }

  async connectToShadowDb() {
    const main = this.#requireMain();
    if (this.shadowDatabaseUrl) {
      const shadow = pgConfigFromUrl(this.shadowDatabaseUrl);
      if (
        shadow.host === main.host &&
        shadow.port === main.port &&
        shadow.config.database === main.config.database
      ) {
        throw new Error(
          "The shadow database you configured appears to be the same as the main database. Please specify another shadow database.",
        );
      }
      const adapter = await this.#open(shadow);
      // Like the native engine, start from an empty shadow schema.
      const schema = quoteIdent(shadow.schema ?? "public");
      await adapter.client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema};`);
      return adapter;
    }
    const name = `prisma_migrate_shadow_db_${randomUUID()}`;
    try {
      await withClient(main.config, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
    } catch (error) {
      throw new DriverAdapterError({
        kind: "postgres",
        code: error?.code ?? "N/A",
        severity: error?.severity ?? "ERROR",
        message: `Prisma Migrate could not create the shadow database. Please make sure the database user has permission to create databases. Read more about the shadow database (and workarounds) at https://pris.ly/d/migrate-shadow\n\nOriginal error: ${error?.message ?? error}`,
        detail: error?.detail,
        column: undefined,
        hint: error?.hint,
      });
    }
    this.temporaryShadowDatabases.add(name);
    this.log("DEBUG", `Created shadow database ${name}`);
    let adapter;
    try {
      adapter = await this.#open({ ...main, config: { ...main.config, database: name } });
    } catch (error) {
      await this.#dropShadow(name);
      throw error;
    }
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      try {
        await dispose();
      } finally {
        await this.#dropShadow(name);
      }
    };
    return adapter;
  }

  async #dropShadow(name) {
    try {
      // From the main database, where it was created (the user may have no access to `postgres`).
      await withClient(this.#requireMain().config, (client) => dropDatabaseWith(client, name));
      this.temporaryShadowDatabases.delete(name);
      this.log("DEBUG", `Dropped shadow database ${name}`);
    } catch (error) {
      this.log("WARN", `Could not drop shadow database ${name}: ${error?.message ?? error}`);
    }
  }

  /** Closes pools and drops temporary shadow databases left behind (e.g. after an engine error). */
  async close() {
    await Promise.allSettled([...this.openAdapters].map((adapter) => adapter.dispose()));
    await Promise.allSettled([...this.temporaryShadowDatabases].map((name) => this.#dropShadow(name)));
  }
}
