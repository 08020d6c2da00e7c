import { IConstruct } from 'constructs';
import { reject } from '../core/errors';
import { isDnsSubdomain } from '../core/names';
import { HsmDeviceSpecMirroring } from '../imports/hsm.j5t.io';
import { requireHsmOperatorInt32 } from './hsm-int32';

/**
 * How an HSM device is mirrored to other nodes: the values of `HSMDevice.spec.mirroring.policy` other than `None`
 * (evanjarrett/hsm-secrets-operator, api/v1alpha1/hsmdevice_types.go, `MirroringPolicy`).
 */
export class HsmMirroringPolicy {
  /** Mirrors on the target nodes serve reads only; the primary takes writes. */
  public static readonly READ_ONLY = new HsmMirroringPolicy('ReadOnly');

  /** Active-active mirroring; the operator's API marks it as not implemented yet. */
  public static readonly ACTIVE = new HsmMirroringPolicy('Active');

  private constructor(
    /** The value the operator reads. */
    public readonly value: string,
  ) {}
}

/**
 * Mirroring of an {@link HsmDevice} to other nodes, so its secrets stay readable while the primary node is down.
 *
 * Operator v0.12.1 stores these settings but does not read them yet: it copies every secret to every device it has
 * found, on its own schedule (internal/mirror/manager.go, `MirrorAllSecrets`). They state the intended layout, and
 * are checked here so that they stay meaningful when the operator starts to honour them.
 */
export interface HsmMirroringOptions {
  /**
   * How the mirrors behave.
   *
   * @default HsmMirroringPolicy.READ_ONLY
   */
  readonly policy?: HsmMirroringPolicy;

  /** The nodes that hold mirrors (Kubernetes node names); at least one, and not the primary node. */
  readonly targetNodes: string[];

  /**
   * The node whose device takes writes.
   *
   * @default - the operator chooses
   */
  readonly primaryNode?: string;

  /**
   * Seconds between syncs from the primary to the mirrors.
   *
   * @default 60
   */
  readonly syncIntervalSeconds?: number;

  /**
   * Whether a healthy mirror takes over when the primary fails.
   *
   * @default true
   */
  readonly autoFailover?: boolean;
}

/** The operator's default sync interval (`+kubebuilder:default=60` on `MirroringSpec.SyncInterval`). */
const DEFAULT_SYNC_INTERVAL_SECONDS = 60;

/** Checks `options` at construction and returns `HSMDevice.spec.mirroring`. */
export function renderHsmMirroring(scope: IConstruct, options: HsmMirroringOptions): HsmDeviceSpecMirroring {
  const targets = options.targetNodes;
  if (targets.length === 0) {
    reject(scope, 'mirroring.targetNodes', targets,
      'must name at least one node: a mirror on no other node keeps nothing readable when the primary is down',
      'list the nodes that hold the other HSM devices, or leave mirroring out');
  }
  targets.forEach((node, index) => requireNodeName(scope, `mirroring.targetNodes[${index}]`, node));
  const duplicate = targets.find((node, index) => targets.indexOf(node) !== index);
  if (duplicate !== undefined) {
    reject(scope, 'mirroring.targetNodes', targets, `names '${duplicate}' twice`, 'list each node once');
  }
  if (options.primaryNode !== undefined) {
    requireNodeName(scope, 'mirroring.primaryNode', options.primaryNode);
    if (targets.includes(options.primaryNode)) {
      reject(scope, 'mirroring.primaryNode', options.primaryNode,
        'is also a target node: the primary cannot mirror to itself, and its loss would take the mirror with it',
        'remove the primary from targetNodes');
    }
  }
  const interval = options.syncIntervalSeconds ?? DEFAULT_SYNC_INTERVAL_SECONDS;
  // The CRD sets no bounds; an interval has to be positive to mean anything, and the field is a Go int32.
  requireHsmOperatorInt32(scope, 'mirroring.syncIntervalSeconds', interval, 1, 'seconds', `use e.g. ${DEFAULT_SYNC_INTERVAL_SECONDS}`);
  return {
    policy: (options.policy ?? HsmMirroringPolicy.READ_ONLY).value,
    ...(options.primaryNode !== undefined ? { primaryNode: options.primaryNode } : {}),
    targetNodes: [...targets],
    syncInterval: interval,
    autoFailover: options.autoFailover ?? true,
  };
}

/** Kubernetes node names are DNS-1123 subdomains. */
function requireNodeName(scope: IConstruct, field: string, node: string): void {
  if (!isDnsSubdomain(node)) {
    reject(scope, field, node, 'is not a Kubernetes node name (a DNS-1123 subdomain)', 'use the name `kubectl get nodes` shows, e.g. \'aks-hsm-12345678-vmss000000\'');
  }
}
