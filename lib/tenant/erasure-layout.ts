/**
 * MinIO's rules for laying a pool's drives out in erasure sets, checked before the server refuses to start.
 *
 * MinIO splits a pool's `servers x volumesPerServer` drives into equal erasure sets of 2 to 16 drives, and the set
 * size must also divide, or be a multiple of, the number of servers so that every set spans servers evenly.
 */
const SET_SIZES = Array.from({ length: 15 }, (_, i) => i + 2);

/** The erasure set sizes MinIO can use for a pool, or an empty list when it would refuse the layout. */
export function possibleErasureSetSizes(servers: number, volumesPerServer: number): number[] {
  const drives = servers * volumesPerServer;
  if (drives === 1) return [1];
  return SET_SIZES
    .filter((size) => drives % size === 0)
    .filter((size) => (size > servers ? size % servers === 0 : servers % size === 0));
}

/** Whether `drives` can be split into sets of a supported size at all, before symmetry is considered. */
export function hasDivisibleSetSize(drives: number): boolean {
  return drives === 1 || SET_SIZES.some((size) => drives % size === 0);
}
