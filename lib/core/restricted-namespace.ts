import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { reject } from './errors';
import { requireDnsLabel } from './names';

/** Properties of a {@link RestrictedNamespace}. */
export interface RestrictedNamespaceProps {
  /** Name of the namespace. @default - the construct id */
  readonly name?: string;
  /**
   * The Pod Security Standards version to enforce. Pinned rather than `latest` so that a cluster upgrade cannot
   * start rejecting pods that were admitted yesterday.
   *
   * @default 'v1.30' (the oldest Kubernetes the MinIO Operator v7 supports)
   */
  readonly podSecurityVersion?: string;
  /** Extra labels. @default - none */
  readonly labels?: Record<string, string>;
}

/**
 * A Namespace in which the API server admits only pods that meet Pod Security "restricted"
 * (enforced, and also audited and warned about, at a pinned version).
 */
export class RestrictedNamespace extends Construct {
  /** The Pod Security level enforced. */
  public static readonly LEVEL = 'restricted';

  /** Name of the namespace. */
  public readonly name: string;
  /** The Namespace construct. */
  public readonly resource: kplus.Namespace;

  public constructor(scope: Construct, id: string, props: RestrictedNamespaceProps = {}) {
    super(scope, id);
    this.name = requireDnsLabel(this, 'name', props.name ?? id);
    const version = props.podSecurityVersion ?? 'v1.30';
    if (!/^(v1\.\d+|latest)$/.test(version)) {
      reject(this, 'podSecurityVersion', version, 'is not a Pod Security Standards version', 'use a Kubernetes minor version such as v1.30');
    }
    const labels: Record<string, string> = { ...props.labels };
    for (const mode of ['enforce', 'audit', 'warn']) {
      labels[`pod-security.kubernetes.io/${mode}`] = RestrictedNamespace.LEVEL;
      labels[`pod-security.kubernetes.io/${mode}-version`] = version;
    }
    this.resource = new kplus.Namespace(this, 'Resource', { metadata: { name: this.name, labels } });
  }
}
