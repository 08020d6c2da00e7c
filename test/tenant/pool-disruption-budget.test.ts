import { Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { defaultParity, erasureSetSize, serversThatMayBeDown, writeQuorum } from '../../lib/tenant/erasure-layout';
import { expectValidManifests } from '../support/strict-validator';
import { tenantChart, VALID_POOL } from './tenant-fixtures';

/** Brute force: the largest k such that every set of k failed servers leaves every erasure set at write quorum. */
function bruteForceServersDown(servers: number, volumesPerServer: number, parity: number): number {
  const setSize = erasureSetSize(servers, volumesPerServer);
  // Endpoint i (server varying fastest) sits on server i % servers; sets are consecutive runs of setSize endpoints.
  const sets = Array.from({ length: (servers * volumesPerServer) / setSize }, (_, s) =>
    Array.from({ length: setSize }, (__, d) => (s * setSize + d) % servers));
  const quorum = writeQuorum(setSize, parity);
  const survives = (down: number[]) => sets.every((set) => set.filter((server) => !down.includes(server)).length >= quorum);
  const subsetsOfSize = (k: number, start = 0): number[][] => (k === 0 ? [[]]
    : Array.from({ length: Math.max(0, servers - start) }, (_, i) => start + i)
      .flatMap((first) => subsetsOfSize(k - 1, first + 1).map((rest) => [first, ...rest])));
  for (let k = 1; k <= servers; k++) {
    if (!subsetsOfSize(k).every(survives)) return k - 1;
  }
  return servers;
}

describe('erasure layout as MinIO picks it', () => {
  test.each([
    [4, 4, 16, 4, 12], [4, 1, 4, 2, 3], [2, 2, 4, 2, 3], [3, 2, 6, 3, 4], [8, 2, 16, 4, 12], [16, 1, 16, 4, 12],
    [32, 4, 16, 4, 12], [6, 1, 6, 3, 4], [12, 1, 12, 4, 8], [1, 4, 4, 2, 3], [1, 1, 1, 0, 1],
  ])('%i servers x %i volumes: sets of %i, parity %i, write quorum %i', (servers, volumes, setSize, parity, quorum) => {
    expect(erasureSetSize(servers, volumes)).toBe(setSize);
    expect(defaultParity(setSize)).toBe(parity);
    expect(writeQuorum(setSize, parity)).toBe(quorum);
  });

  test.each([
    [4, 4], [4, 1], [2, 2], [3, 2], [8, 2], [16, 1], [6, 1], [12, 1], [1, 4], [8, 1], [5, 2], [10, 1],
  ])('%i servers x %i volumes: the closed form matches a brute force over every set of failed servers', (servers, volumes) => {
    const parity = defaultParity(erasureSetSize(servers, volumes));
    expect(serversThatMayBeDown(servers, volumes, parity)).toBe(bruteForceServersDown(servers, volumes, parity));
  });
});

describe('a PodDisruptionBudget per pool', () => {
  const budgets = (manifests: any[]) => manifests.filter((m) => m.kind === 'PodDisruptionBudget');

  test.each([
    // 16 drives per set spread 4 per server: losing one server costs 4 of the 4 spare drives.
    [4, 4, 1],
    // 16 servers, one drive each per set, parity 4 and quorum 12: four servers may be down.
    [16, 1, 4],
    // 2 servers x 2 volumes: a set of 4 with quorum 3 loses 2 drives per server: no server may go.
    [2, 2, 0],
    [8, 2, 2],
  ])('%i servers x %i volumes: maxUnavailable %i', (servers, volumesPerServer, maxUnavailable) => {
    const { chart } = tenantChart({ pools: [{ ...VALID_POOL, servers, volumesPerServer }] });
    const manifests = Testing.synth(chart);
    expectValidManifests(manifests);
    expect(budgets(manifests).map((b) => b.spec.maxUnavailable)).toEqual([maxUnavailable]);
  });

  test('every pool gets its own, selecting its pods by the operator\'s labels, with the first pool\'s parity', () => {
    const { chart, tenant } = tenantChart();
    // Sets of 8 alone would default to parity 4 as well; with EC:2 set on the tenant both pools follow it.
    tenant.addEnv('MINIO_STORAGE_CLASS_STANDARD', kplus.EnvValue.fromValue('EC:2'));
    tenant.addPool({ name: 'pool-1', servers: 8, volumesPerServer: 1, volumeSize: Size.tebibytes(1) });
    const manifests = Testing.synth(chart);
    expectValidManifests(manifests);
    expect(budgets(manifests).map((b) => [b.metadata.name, b.spec.selector.matchLabels, b.spec.maxUnavailable])).toEqual([
      ['store-pool-0', { 'v1.min.io/tenant': 'store', 'v1.min.io/pool': 'pool-0' }, 0],
      ['store-pool-1', { 'v1.min.io/tenant': 'store', 'v1.min.io/pool': 'pool-1' }, 2],
    ]);
  });
});
