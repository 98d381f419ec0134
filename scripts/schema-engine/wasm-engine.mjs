/**
 * Loads `@prisma/schema-engine-wasm` (wasm-bindgen "bundler" target, so it cannot be imported as-is in
 * Node) and creates a SchemaEngine on top of a driver adapter factory.
 */
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

/** The wasm panic hook reports the panic message here before trapping. */
const panicRegistry = {
  message: "",
  get() {
    return this.message;
  },
  set_message(value) {
    this.message = `RuntimeError: ${value}`;
  },
};
globalThis.PRISMA_WASM_PANIC_REGISTRY ??= panicRegistry;

let bindingsPromise;

/** @returns {Promise<typeof import("@prisma/schema-engine-wasm")>} */
export function loadBindings() {
  bindingsPromise ??= (async () => {
    const bgUrl = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bindings = await import(bgUrl);
    const wasmPath = fileURLToPath(new URL("./schema_engine_bg.wasm", bgUrl));
    const wasmModule = await WebAssembly.compile(fs.readFileSync(wasmPath));
    const instance = await WebAssembly.instantiate(wasmModule, { "./schema_engine_bg.js": bindings });
    bindings.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    return bindings;
  })();
  return bindingsPromise;
}

/** The engine's git hash, e.g. "59be4fda…", from the package version (no need to compile the wasm). */
export function wasmEngineVersion() {
  try {
    const bgUrl = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const { version } = JSON.parse(fs.readFileSync(fileURLToPath(new URL("./package.json", bgUrl)), "utf8"));
    return String(version).split(".").pop();
  } catch {
    return "unknown";
  }
}

/**
 * @param {{ datamodels?: [string, string][], adapterFactory: object, onLog: (line: string) => void }} options
 * @returns {{ errorRegistry: { consumeError(id: number): { error: unknown } | undefined }, engine: Promise<import("@prisma/schema-engine-wasm").SchemaEngine> }}
 *   The registry holds the JS errors the engine reports as "External error id#N"; it is usable even when
 *   creating the engine fails.
 */
export function createWasmEngine({ datamodels, adapterFactory, onLog }) {
  const bound = bindMigrationAwareSqlAdapterFactory(adapterFactory);
  const engine = loadBindings().then(({ SchemaEngine }) =>
    SchemaEngine.new(
      { datamodels: datamodels && datamodels.length > 0 ? datamodels : undefined },
      onLog,
      bound,
    ),
  );
  return { engine, errorRegistry: bound.errorRegistry };
}

/** A wasm trap after a Rust panic. */
export function isWasmPanic(error) {
  return error?.name === "RuntimeError";
}

export function takePanicMessage(error) {
  const registry = globalThis.PRISMA_WASM_PANIC_REGISTRY;
  const message = registry?.get?.() || `RuntimeError: ${error?.message ?? error}`;
  if (registry) registry.message = "";
  return message;
}
