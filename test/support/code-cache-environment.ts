// Jest's Node environment (jest-environment-node, which jest itself brings), with V8's
// compiled code of each module kept for the life of a worker. Every test file gets a fresh
// module registry, so a worker compiled the server's ~1,900 modules again for every file
// (vm.compileFunction: 190 ms of CPU per db test file, over half the cost of loading them).
// Here a module's first compilation in a worker also produces V8's code cache, and the next
// files' compilations of the same text start from it (70 ms per file). The code runs exactly as
// before, in each file's own context; a module whose text changed (watch mode) is compiled
// afresh, and a cache V8 rejects is replaced.
import vm from 'node:vm';
import NodeEnvironment from 'jest-environment-node';

type CompileFunction = typeof vm.compileFunction;
type Compiled = ReturnType<CompileFunction> & { cachedData?: Buffer; cachedDataRejected?: boolean };

/** Marks the wrapped compileFunction, so that loading this file twice in one process wraps it once. */
const WRAPPED = Symbol.for('ce-platform.code-cache');

function withCodeCache(compile: CompileFunction): CompileFunction {
  const compiled = new Map<string, { source: string; data: Buffer }>();
  const cached = (code: string, params?: readonly string[], options?: vm.CompileFunctionOptions): Compiled => {
    const filename = options?.filename;
    if (!filename || options.cachedData || options.produceCachedData) return compile(code, params, options);
    const known = compiled.get(filename);
    if (known?.source === code) {
      const fn: Compiled = compile(code, params, { ...options, cachedData: known.data });
      if (!fn.cachedDataRejected) return fn;
    }
    const fn: Compiled = compile(code, params, { ...options, produceCachedData: true });
    if (fn.cachedData) compiled.set(filename, { source: code, data: fn.cachedData });
    return fn;
  };
  return Object.assign(cached, { [WRAPPED]: true });
}

// jest-runtime reads `compileFunction` off node:vm at each call
if (!(WRAPPED in vm.compileFunction)) (vm as { compileFunction: CompileFunction }).compileFunction = withCodeCache(vm.compileFunction);

export default NodeEnvironment;
