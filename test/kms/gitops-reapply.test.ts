import { Size, Testing } from 'cdk8s';
import { MinioKmsClusterProps, MinioTenant, MinkmsImage, SecretSetting, TenantEncryption } from '../../lib';
import { immutableChanges, newJobs } from '../support/immutable-changes';
import { kmsChart } from './kms-fixtures';

interface State {
  readonly kms?: Partial<MinioKmsClusterProps>;
  /** Tenants by name, each with its pools' server counts. */
  readonly tenants?: Record<string, number[]>;
}

/** Synthesizes a KMS cluster and the tenants that use it, as one GitOps app would. */
function synth(state: State = {}): any[] {
  const { chart, cluster } = kmsChart(state.kms);
  for (const [name, pools] of Object.entries(state.tenants ?? { records: [4] })) {
    // The operator names every tenant's S3 Service `minio`: one tenant per namespace.
    cluster.allowClients(new MinioTenant(chart, name, {
      namespace: `tenant-${name}`,
      configuration: { name: `${name}-config` },
      pools: pools.map((servers, index) => ({ name: `pool-${index}`, servers, volumesPerServer: 2, volumeSize: Size.gibibytes(64) })),
      encryption: TenantEncryption.kms({ cluster, enclave: name, defaultKey: `${name}-sse`, apiKey: SecretSetting.inConfigurationSecret() }),
    }));
  }
  return Testing.synth(chart);
}

const kinds = (names: string[]): string[] => names.map((name) => name.replace(/-[0-9a-f]{8}$/, '')).sort();
const NEWER = MinkmsImage.release('RELEASE.2026-07-17T11-53-00Z');
const OLDER = MinkmsImage.release('RELEASE.2026-06-24T10-30-16Z');
const ROTATED = 'h1:J23aac6Xcu3NUDAo2E7NT-XUt_CDmoXgRPlg3Ie0MdE';

describe('re-applying KMS output after a change', () => {
  test.each<[string, State, State, string[]]>([
    ['3 -> 5 nodes', {}, { kms: { replicas: 5 } }, ['kms-join-5', 'kms-leave-5', 'kms-restart']],
    ['5 -> 3 nodes', { kms: { replicas: 5 } }, {}, ['kms-join-3', 'kms-leave-3', 'kms-restart']],
    ['an image bump', { kms: { image: OLDER } }, { kms: { image: NEWER } }, ['kms-join-3', 'kms-leave-3', 'kms-restart']],
    ['an image bump with 3 -> 4 nodes', { kms: { image: OLDER } }, { kms: { image: NEWER, replicas: 4 } },
      ['kms-join-4', 'kms-leave-4', 'kms-restart']],
    ['a rolled-back upgrade', { kms: { image: NEWER } }, { kms: { image: OLDER } }, ['kms-join-3', 'kms-leave-3', 'kms-restart']],
    ['an admin identity rotation', {}, { kms: { adminIdentity: ROTATED } }, ['kms-restart']],
    ['a new tenant', {}, { tenants: { records: [4], archive: [4] } }, []],
    ['a new pool in a tenant', {}, { tenants: { records: [4, 4] } }, []],
    ['no change', {}, {}, []],
  ])('%s: nothing immutable changes under one name, and exactly the Jobs with work to do are new', (_name, before, after, jobs) => {
    const first = synth(before);
    const second = synth(after);

    expect(immutableChanges(first, second)).toEqual([]);
    expect(kinds(newJobs(first, second))).toEqual(jobs);
  });

  test('the node template carries the configuration digest, so a rotation makes a new revision to restart onto', () => {
    const template = (state: State) => synth(state).find((m) => m.kind === 'StatefulSet').spec.template.metadata.annotations;
    expect(template({})['kms.min.io/config-sha256']).not.toBe(template({ kms: { adminIdentity: ROTATED } })['kms.min.io/config-sha256']);
  });

  test('3 -> 5 -> 3 returns to the first names; finished Jobs are deleted, so those names run again', () => {
    const three = synth();
    const five = synth({ kms: { replicas: 5 } });
    const again = synth();

    expect(immutableChanges(five, again)).toEqual([]);
    expect(newJobs(three, again)).toEqual([]);
    for (const job of again.filter((m) => m.kind === 'Job')) expect(job.spec.ttlSecondsAfterFinished).toBe(300);
  });

  test('the helper sees what the API server refuses', () => {
    const first = synth();
    const changed = synth({ kms: { storage: { size: Size.gibibytes(20) } }, tenants: { records: [8] } });

    expect(immutableChanges(first, changed)).toContain('StatefulSet/minio-kms/kms spec.volumeClaimTemplates changed');
    expect(immutableChanges(first, changed)).toContain('Tenant/tenant-records/records pools[pool-0].servers changed');
  });
});
