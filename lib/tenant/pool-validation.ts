import { SizeRoundingBehavior } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { IConstruct } from 'constructs';
import { reject } from '../core/errors';
import { requireDnsLabel } from '../core/names';
import { qualifiedNameProblem, requireAnnotations, requireLabels } from '../core/object-metadata';
import { validateResources } from '../core/resources';
import { hasDivisibleSetSize, possibleErasureSetSizes } from './erasure-layout';
import { TenantPoolOptions, TolerationOperator } from './tenant-pool';

/** Kubernetes appends `-<10-char revision hash>` to a StatefulSet name in a 63-character label. */
const MAX_STATEFULSET_NAME = 52;

/** Storage classes backed by Azure Disk, which can be attached to one node at a time. */
const AZURE_DISK_CLASSES = /^(managed|managed-csi|managed-premium|managed-csi-premium|default)$/;
const SINGLE_NODE_MODES = [kplus.PersistentVolumeAccessMode.READ_WRITE_ONCE, kplus.PersistentVolumeAccessMode.READ_WRITE_ONCE_POD];

/**
 * Rejects a pool the MinIO Operator, MinIO or the API server would refuse, before it reaches a cluster.
 *
 * @param field the pool's place in the user's input, e.g. `pools[1]`
 */
export function validatePool(scope: IConstruct, field: string, tenantName: string, pool: TenantPoolOptions): void {
  requireDnsLabel(scope, `${field}.name`, pool.name);
  const statefulSetName = `${tenantName}-${pool.name}`;
  if (statefulSetName.length > MAX_STATEFULSET_NAME) {
    reject(scope, `${field}.name`, pool.name,
      `makes the StatefulSet name '${statefulSetName}' longer than ${MAX_STATEFULSET_NAME} characters`,
      'shorten the tenant or pool name: Kubernetes adds a revision hash to the name in a 63-character label');
  }
  validateCounts(scope, field, pool);
  validateVolumes(scope, field, pool);
  validateResources(scope, `${field}.resources`, pool.resources);
  validatePodMetadata(scope, field, pool);
  for (const [i, toleration] of (pool.tolerations ?? []).entries()) {
    if (toleration.key !== undefined && qualifiedNameProblem(toleration.key) !== undefined) {
      reject(scope, `${field}.tolerations[${i}].key`, toleration.key, `is not a valid taint key: it ${qualifiedNameProblem(toleration.key)}`,
        'use the key of the taint, e.g. dedicated or example.com/dedicated');
    }
    if (toleration.operator === TolerationOperator.EXISTS && toleration.value !== undefined) {
      reject(scope, `${field}.tolerations[${i}].value`, toleration.value, 'must be empty with operator Exists',
        'drop the value, or use TolerationOperator.EQUAL');
    }
    if (toleration.tolerationSeconds !== undefined && toleration.effect !== kplus.TaintEffect.NO_EXECUTE) {
      reject(scope, `${field}.tolerations[${i}].tolerationSeconds`, toleration.tolerationSeconds,
        'only applies to the NoExecute effect', 'set effect to TaintEffect.NO_EXECUTE or drop tolerationSeconds');
    }
  }
}

function validateCounts(scope: IConstruct, field: string, pool: TenantPoolOptions): void {
  const { servers, volumesPerServer } = pool;
  if (!Number.isInteger(servers) || servers < 1) {
    reject(scope, `${field}.servers`, servers, 'must be a whole number of at least 1', 'use 4 or more servers for a production pool');
  }
  if (!Number.isInteger(volumesPerServer) || volumesPerServer < 1) {
    reject(scope, `${field}.volumesPerServer`, volumesPerServer, 'must be a whole number of at least 1', 'mount at least one volume per server');
  }
  const drives = servers * volumesPerServer;
  if (servers === 2 && drives < 4) {
    reject(scope, `${field}.volumesPerServer`, volumesPerServer, 'must be at least 2 when the pool has 2 servers',
      'the operator needs 4 volumes in total for 2 servers');
  }
  if (servers === 3 && drives < 6) {
    reject(scope, `${field}.volumesPerServer`, volumesPerServer, 'must be at least 2 when the pool has 3 servers',
      'the operator needs 6 volumes in total for 3 servers');
  }
  if (!hasDivisibleSetSize(drives)) {
    reject(scope, field, `${servers} servers x ${volumesPerServer} volumes`,
      `gives ${drives} drives, which MinIO cannot split into erasure sets of 2 to 16 drives`,
      'choose servers and volumesPerServer whose product is divisible by a number from 2 to 16');
  }
  if (possibleErasureSetSizes(servers, volumesPerServer).length === 0) {
    reject(scope, field, `${servers} servers x ${volumesPerServer} volumes`,
      'cannot be spread symmetrically: no erasure set size from 2 to 16 divides the drives and matches the server count',
      'choose a server count that divides, or is a multiple of, an erasure set size (e.g. 4, 8 or 16 servers)');
  }
}

function validateVolumes(scope: IConstruct, field: string, pool: TenantPoolOptions): void {
  const bytes = pool.volumeSize?.toKibibytes({ rounding: SizeRoundingBehavior.NONE });
  if (!(bytes > 0)) {
    reject(scope, `${field}.volumeSize`, pool.volumeSize?.asString(), 'must be greater than zero',
      'give each volume a capacity, e.g. Size.tebibytes(1)');
  }
  const storageClass = pool.storageClassName;
  if (storageClass !== undefined && !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(storageClass)) {
    reject(scope, `${field}.storageClassName`, storageClass, 'is not a valid storage class name', 'use the name of an existing StorageClass');
  }
  const mode = pool.accessMode;
  if (mode === undefined) return;
  if (!Object.values(kplus.PersistentVolumeAccessMode).includes(mode)) {
    reject(scope, `${field}.accessMode`, mode, 'is not a Kubernetes access mode', 'use a kplus.PersistentVolumeAccessMode value');
  }
  if (mode === kplus.PersistentVolumeAccessMode.READ_ONLY_MANY) {
    reject(scope, `${field}.accessMode`, mode, 'cannot hold MinIO data, which is written', 'use ReadWriteOnce');
  }
  if (AZURE_DISK_CLASSES.test(storageClass ?? 'managed-csi-premium') && !SINGLE_NODE_MODES.includes(mode)) {
    reject(scope, `${field}.accessMode`, mode, `is not supported by Azure Disk storage class '${storageClass ?? 'managed-csi-premium'}'`,
      'use ReadWriteOnce (each MinIO server owns its drives)');
  }
}

/** Operator labels on pool pods (minio/operator pkg/apis/minio.min.io/v2/constants.go): the operator overwrites them. */
const OPERATOR_LABEL_PREFIX = 'v1.min.io/';

/** Labels, annotations and the node selector land on the pool's pods and StatefulSet: the API server's rules apply. */
function validatePodMetadata(scope: IConstruct, field: string, pool: TenantPoolOptions): void {
  requireLabels(scope, `${field}.labels`, pool.labels);
  requireAnnotations(scope, `${field}.annotations`, pool.annotations);
  requireLabels(scope, `${field}.nodeSelector`, pool.nodeSelector);
  const reserved = Object.keys(pool.labels ?? {}).find((key) => key.startsWith(OPERATOR_LABEL_PREFIX));
  if (reserved !== undefined) {
    reject(scope, `${field}.labels['${reserved}']`, reserved, 'is a label the MinIO Operator sets on pool pods itself',
      'choose a key outside v1.min.io/');
  }
}
