import * as vm from 'node:vm';

describe('the jest environment (test/support/compile-cache-environment.js)', () => {
  test('a source compiled again in this worker is served from the code cache of its first compile', () => {
    const source = `return ${JSON.stringify(`unique ${process.hrtime.bigint()}`)};`;
    const first = vm.compileFunction(source, []);
    const again = vm.compileFunction(source, []) as ReturnType<typeof vm.compileFunction> & { cachedDataRejected?: boolean };
    expect(again.cachedDataRejected).toBe(false);
    expect(again()).toBe(first());
  });
});
