import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { PoolSpread } from './pool-spread';

/** How a toleration matches a taint's value. */
export enum TolerationOperator {
  /** The taint's value must equal the toleration's value. */
  EQUAL = 'Equal',
  /** Any value of the taint's key matches. */
  EXISTS = 'Exists',
}

/** A toleration for a pool's pods, as in the core Toleration type. */
export interface PoolToleration {
  /** The taint key to tolerate; empty with operator `Exists` tolerates every taint. @default - every key */
  readonly key?: string;
  /** How the taint's value is matched. @default TolerationOperator.EQUAL */
  readonly operator?: TolerationOperator;
  /** The taint value, with operator `Equal`. @default - none */
  readonly value?: string;
  /** The taint effect to tolerate. @default - every effect */
  readonly effect?: kplus.TaintEffect;
  /** How long a `NoExecute` taint is tolerated before eviction. @default - forever */
  readonly tolerationSeconds?: number;
}

/**
 * A pool of a MinIO tenant: `servers` pods with `volumesPerServer` persistent volumes each.
 *
 * `servers` and `volumesPerServer` cannot change once the pool exists (the Tenant CRD refuses it); grow a tenant
 * by adding a pool.
 */
export interface TenantPoolOptions {
  /** The pool name, part of the StatefulSet name `<tenant>-<pool>`. */
  readonly name: string;
  /** Number of MinIO server pods. */
  readonly servers: number;
  /** Number of volumes mounted by each server. */
  readonly volumesPerServer: number;
  /** Capacity of each volume. */
  readonly volumeSize: Size;
  /**
   * Storage class of the volumes.
   *
   * @default 'managed-csi-premium' (AKS built-in class for Premium SSD managed disks, bound when the pod is scheduled)
   */
  readonly storageClassName?: string;
  /**
   * Access mode of the volumes. Azure Disk classes support only ReadWriteOnce and ReadWriteOncePod.
   *
   * @default kplus.PersistentVolumeAccessMode.READ_WRITE_ONCE
   */
  readonly accessMode?: kplus.PersistentVolumeAccessMode;
  /**
   * CPU and memory of each server. Requests must not exceed limits.
   *
   * @default - requests 2 CPU / 8 GiB, limits 4 CPU / 8 GiB
   */
  readonly resources?: kplus.ContainerResources;
  /** Node labels the servers must run on, e.g. a dedicated AKS node pool. @default - any node */
  readonly nodeSelector?: Record<string, string>;
  /** Taints the servers tolerate, e.g. of a dedicated node pool. @default - none */
  readonly tolerations?: PoolToleration[];
  /** How servers are spread across nodes and zones. @default PoolSpread.acrossZonesAndHosts() */
  readonly spread?: PoolSpread;
  /** Extra labels for this pool's pods. @default - none */
  readonly labels?: Record<string, string>;
  /** Extra annotations for this pool's pods. @default - none */
  readonly annotations?: Record<string, string>;
}
