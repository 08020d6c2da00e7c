/**
 * MinIO's rules for laying a pool's drives out in erasure sets, checked before the server refuses to start.
 *
 * MinIO splits a pool's `servers x volumesPerServer` drives into equal erasure sets of 2 to 16 drives, and the set
 * size must also divide, or be a multiple of, the number of servers so that every set spans servers evenly
 * (minio/minio cmd/endpoint-ellipses.go: getSetIndexes, possibleSetCountsWithSymmetry).
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

/**
 * The set size MinIO picks for a valid pool: the largest symmetric one, which gives the fewest sets
 * (minio/minio cmd/endpoint-ellipses.go: commonSetDriveCount).
 */
export function erasureSetSize(servers: number, volumesPerServer: number): number {
  return Math.max(...possibleErasureSetSizes(servers, volumesPerServer));
}

/**
 * MinIO's default parity of the STANDARD storage class for a set size
 * (minio/minio internal/config/storageclass/storage-class.go: DefaultParityBlocks).
 */
export function defaultParity(setSize: number): number {
  if (setSize === 1) return 0;
  if (setSize <= 3) return 1;
  if (setSize <= 5) return 2;
  if (setSize <= 7) return 3;
  return 4;
}

/**
 * The drives of a set that must be online to write (minio/minio cmd/erasure.go: defaultWQuorum): the data
 * drives, one more when data and parity are equal, so that two halves can never both accept writes.
 */
export function writeQuorum(setSize: number, parity: number): number {
  const data = setSize - parity;
  return data === parity ? data + 1 : data;
}

/**
 * How many of a pool's servers may be down while every erasure set keeps its write quorum.
 *
 * The operator passes each pool as `https://<pod>-{0...N-1}.../export{0...V-1}`, and MinIO expands that with the
 * server varying fastest (minio/pkg ellipses/ellipses.go: argExpander), so consecutive drives of a set sit on
 * different servers: a set of S drives has one drive on each of S servers when S <= N, and S / N drives on every
 * server when S > N. Any server may hold drives of the same set as any other, so the worst case of k servers down
 * costs one set k x (drives per server in a set) drives.
 */
export function serversThatMayBeDown(servers: number, volumesPerServer: number, parity: number): number {
  const setSize = erasureSetSize(servers, volumesPerServer);
  const drivesPerServerInSet = Math.ceil(setSize / servers);
  const spareDrives = setSize - writeQuorum(setSize, parity);
  return Math.min(servers, Math.floor(spareDrives / drivesPerServerInSet));
}
