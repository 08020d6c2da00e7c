import { Cpu } from 'cdk8s-plus-28';
import * as kplus from 'cdk8s-plus-28';
import { Size } from 'cdk8s';
import {
  TenantSpecPools,
  TenantSpecPoolsResources,
  TenantSpecPoolsResourcesLimits,
  TenantSpecPoolsResourcesRequests,
  TenantSpecPoolsVolumeClaimTemplateSpecResourcesRequests,
} from '../imports/minio.min.io';
import { poolContainerSecurityContext, poolPodSecurityContext } from './pod-security';
import { PoolSpread } from './pool-spread';
import { poolSelector } from './tenant-labels';
import { TenantPoolOptions } from './tenant-pool';

/** The AKS built-in class for Premium SSD managed disks; it binds volumes where the pod lands (WaitForFirstConsumer). */
export const DEFAULT_STORAGE_CLASS = 'managed-csi-premium';

const DEFAULT_RESOURCES: kplus.ContainerResources = {
  cpu: { request: Cpu.units(2), limit: Cpu.units(4) },
  memory: { request: Size.gibibytes(8), limit: Size.gibibytes(8) },
};

/** The Tenant CRD's representation of a validated pool. */
export function renderPool(tenantName: string, pool: TenantPoolOptions): TenantSpecPools {
  const selector = { matchLabels: poolSelector(tenantName, pool.name) };
  const spread = pool.spread ?? PoolSpread.acrossZonesAndHosts();
  return {
    name: pool.name,
    servers: pool.servers,
    volumesPerServer: pool.volumesPerServer,
    volumeClaimTemplate: {
      metadata: { name: 'data' },
      spec: {
        accessModes: [pool.accessMode ?? kplus.PersistentVolumeAccessMode.READ_WRITE_ONCE],
        storageClassName: pool.storageClassName ?? DEFAULT_STORAGE_CLASS,
        resources: { requests: { storage: TenantSpecPoolsVolumeClaimTemplateSpecResourcesRequests.fromString(pool.volumeSize.asString()) } },
      },
    },
    resources: renderResources(pool.resources ?? DEFAULT_RESOURCES),
    nodeSelector: pool.nodeSelector,
    tolerations: pool.tolerations?.map((t) => ({
      key: t.key,
      operator: t.operator,
      value: t.value,
      effect: t.effect,
      tolerationSeconds: t.tolerationSeconds,
    })),
    affinity: spread.hosts ? {
      podAntiAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: selector, topologyKey: 'kubernetes.io/hostname' }],
      },
    } : undefined,
    topologySpreadConstraints: spread.zones ? [{
      maxSkew: 1,
      topologyKey: 'topology.kubernetes.io/zone',
      whenUnsatisfiable: 'DoNotSchedule',
      labelSelector: selector,
    }] : undefined,
    labels: pool.labels,
    annotations: pool.annotations,
    securityContext: poolPodSecurityContext(),
    containerSecurityContext: poolContainerSecurityContext(),
  };
}

function renderResources(resources: kplus.ContainerResources): TenantSpecPoolsResources {
  const requests: Record<string, TenantSpecPoolsResourcesRequests> = {};
  const limits: Record<string, TenantSpecPoolsResourcesLimits> = {};
  const quantities: [string, string | undefined, string | undefined][] = [
    ['cpu', resources.cpu?.request?.amount, resources.cpu?.limit?.amount],
    ['memory', resources.memory?.request?.asString(), resources.memory?.limit?.asString()],
    ['ephemeral-storage', resources.ephemeralStorage?.request?.asString(), resources.ephemeralStorage?.limit?.asString()],
  ];
  for (const [name, request, limit] of quantities) {
    if (request !== undefined) requests[name] = TenantSpecPoolsResourcesRequests.fromString(request);
    if (limit !== undefined) limits[name] = TenantSpecPoolsResourcesLimits.fromString(limit);
  }
  return { requests, limits };
}
