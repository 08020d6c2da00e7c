import { IConstruct } from 'constructs';
import { reject } from '../core/errors';
import { defaultParity, erasureSetSize } from './erasure-layout';

/** The variable that sets the STANDARD storage class parity (`EC:<parity>`) for every pool. */
export const STANDARD_STORAGE_CLASS = 'MINIO_STORAGE_CLASS_STANDARD';

/** The shape of a pool, as far as erasure coding cares. */
export interface PoolShape {
  readonly servers: number;
  readonly volumesPerServer: number;
}

/**
 * The parity MinIO uses in each pool. MinIO derives one parity from the first pool (the configured STANDARD
 * parity, or the default for the first pool's set size) and uses it in every later pool, refusing to start when a
 * later pool's sets have fewer than twice that many drives (minio/minio cmd/erasure-server-pool.go:
 * newErasureServerPools, commonParityDrives; internal/config/storageclass/storage-class.go: ValidateParity).
 *
 * @param configured the parity from MINIO_STORAGE_CLASS_STANDARD, if set
 */
export function poolParities(pools: readonly PoolShape[], configured?: number): number[] {
  let common = 0;
  return pools.map((pool) => {
    if (common === 0) common = configured ?? defaultParity(erasureSetSize(pool.servers, pool.volumesPerServer));
    return common;
  });
}

/**
 * Rejects a pool list in which MinIO would refuse a pool's parity.
 *
 * @param field how the user names the pools, e.g. `pools`
 */
export function requireParityFits(scope: IConstruct, field: string, pools: readonly PoolShape[], configured?: number): void {
  const parities = poolParities(pools, configured);
  pools.forEach((pool, index) => {
    const setSize = erasureSetSize(pool.servers, pool.volumesPerServer);
    const parity = parities[index];
    if (parity <= Math.floor(setSize / 2)) return;
    if (index === 0 || configured !== undefined) {
      reject(scope, `env.${STANDARD_STORAGE_CLASS}`, `EC:${parity}`,
        `is more than half of the ${setSize} drives in an erasure set of pools[${index}], which MinIO refuses`,
        `use a parity of at most ${Math.floor(setSize / 2)}, or leave it unset for MinIO's default`);
    }
    const firstSetSize = erasureSetSize(pools[0].servers, pools[0].volumesPerServer);
    reject(scope, `${field}[${index}]`, `${pool.servers} servers x ${pool.volumesPerServer} volumes`,
      `gives erasure sets of ${setSize} drives, too few for parity ${parity}, which MinIO takes from the first pool's sets of ${firstSetSize} drives (it refuses to start)`,
      `choose servers and volumesPerServer giving sets of at least ${2 * parity} drives`);
  });
}

/** The parity in `EC:<parity>`, or a rejection naming the field. */
export function parseStandardParity(scope: IConstruct, field: string, value: string): number {
  const match = /^EC:(\d{1,2})$/.exec(value);
  if (!match) {
    reject(scope, field, value, 'is not a storage class MinIO reads', 'write EC:<parity>, e.g. EC:4');
  }
  return Number(match[1]);
}
