import * as vm from 'node:vm';

const STATS = Symbol.for('minio-aks.compileFunctionOncePerWorker.stats');
const stats = () => ({ ...(vm.compileFunction as unknown as Record<symbol, { compiled: number; reused: number }>)[STATS] });

describe('the jest environment (test/support/compile-cache-environment.js)', () => {
  test('a module compiled again in this worker reuses its first compile, with fresh state each time', () => {
    const source = `let calls = 0; const tag = ${JSON.stringify(`unique ${process.hrtime.bigint()}`)}; return () => [tag, ++calls, typeof module];`;
    const before = stats();
    const first = vm.compileFunction(source, ['module'], { filename: 'counter.js' }) as (module: unknown) => () => unknown[];
    const again = vm.compileFunction(source, ['module'], { filename: 'counter.js' }) as (module: unknown) => () => unknown[];
    expect(stats()).toEqual({ compiled: before.compiled + 1, reused: before.reused + 1 });
    const [one, two] = [first({}), again(undefined)];
    expect([one(), one(), two()]).toEqual([
      [expect.stringMatching(/^unique /), 1, 'object'],
      [expect.stringMatching(/^unique /), 2, 'object'],
      [expect.stringMatching(/^unique /), 1, 'undefined'],
    ]);
  });

  test('runs the shared compile in the context it is asked for', () => {
    const context = vm.createContext({ marker: 'inside' });
    const read = vm.compileFunction('return [typeof marker === "undefined" ? "outside" : marker, [] instanceof Array];', [], { parsingContext: context });
    expect(read()).toEqual(['inside', true]);
    expect(Object.getPrototypeOf(read())).toBe(vm.runInContext('Array.prototype', context));
  });

  test('keeps stack positions of the first line right', () => {
    const thrower = vm.compileFunction('throw new Error("first line");', [], { filename: 'first-line.js' }) as () => never;
    expect(() => thrower()).toThrow(expect.objectContaining({ stack: expect.stringContaining('first-line.js:1:7') }));
  });

  test('leaves a module with a dynamic import to Node, which binds it to the file that loads it', () => {
    const before = stats();
    vm.compileFunction(`return () => import(${JSON.stringify(`./missing-${process.hrtime.bigint()}.js`)});`, []);
    expect(stats()).toEqual(before);
  });
});
