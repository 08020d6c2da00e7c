import { compareOrdinal } from '../../lib/core/ordinal-order';

describe('compareOrdinal', () => {
  test('orders like Array.prototype.sort: upper case before lower case, "_" after upper-case letters', () => {
    const words = ['b', 'aa', 'Z', 'a_b', 'ab', 'A', 'MINIO_A_B', 'MINIO_AB', 'z'];
    expect([...words].sort(compareOrdinal)).toEqual([...words].sort());
    expect([...words].sort(compareOrdinal)).toEqual(['A', 'MINIO_AB', 'MINIO_A_B', 'Z', 'a_b', 'aa', 'ab', 'b', 'z']);
    expect(compareOrdinal('x', 'x')).toBe(0);
  });
});
