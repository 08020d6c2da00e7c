import { Construct } from 'constructs';
import { reject } from '../core/errors';
import { requireDnsSubdomain } from '../core/names';
import { ClusterIssuer } from '../imports/cert-manager.io';
import { AcmeServer } from './acme-server';
import { AcmeSolver } from './acme-solver';
import { makeClusterScoped } from './cluster-scope';
import { dnsNameProblem } from './dns-names';
import { CERT_MANAGER_GROUP, ICertificateIssuer, IssuerKind, IssuerRef } from './issuer';

const EMAIL_LOCAL_PART = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}$/;

/** Properties of a {@link LetsEncryptIssuer}. */
export interface LetsEncryptIssuerProps {
  /** The ACME directory: Let's Encrypt staging or production, or another ACME CA. */
  readonly server: AcmeServer;

  /** The contact address registered with the ACME account. */
  readonly email: string;

  /**
   * How names are proven, most specific selector first as cert-manager picks the solver whose `dnsZones`
   * match a name most closely.
   */
  readonly solvers: AcmeSolver[];

  /**
   * `metadata.name` of the ClusterIssuer, the name Certificates refer to.
   *
   * @default - `letsencrypt-staging`, `letsencrypt-production`, or `acme` for a custom server
   */
  readonly name?: string;

  /**
   * Name of the Secret that cert-manager creates to hold the ACME account key, in cert-manager's cluster
   * resource namespace.
   *
   * @default - `<name>-account-key`
   */
  readonly privateKeySecretName?: string;
}

/**
 * An ACME ClusterIssuer (Let's Encrypt by default) for publicly trusted certificates.
 *
 * Always cluster-scoped: cert-manager uses ambient credentials such as Azure workload identity only for
 * ClusterIssuers, and the account key then lives in cert-manager's namespace, away from the workloads.
 * Certificates it issues carry no `ca.crt`, and the CA decides their lifetime.
 */
export class LetsEncryptIssuer extends Construct implements ICertificateIssuer {
  public readonly issuerRef: IssuerRef;
  public readonly kind = IssuerKind.CLUSTER_ISSUER;
  public readonly isAcme = true;
  public readonly namespace = undefined;
  public readonly issuesWildcardNames: boolean;

  /** Name of the Secret holding the ACME account key. */
  public readonly privateKeySecretName: string;

  /** The ClusterIssuer object. */
  public readonly resource: ClusterIssuer;

  public constructor(scope: Construct, id: string, props: LetsEncryptIssuerProps) {
    super(scope, id);
    props.server.validate(this, 'server');
    requireEmail(this, props.email);
    const name = requireDnsSubdomain(this, 'name', props.name ?? props.server.defaultIssuerName);
    this.privateKeySecretName = requireDnsSubdomain(this, 'privateKeySecretName',
      props.privateKeySecretName ?? `${name}-account-key`);
    if (props.solvers.length === 0) {
      reject(this, 'solvers', props.solvers, 'must list at least one solver',
        'add AcmeSolver.azureDns(...) or AcmeSolver.http01(...)');
    }
    const solvers = props.solvers.map((solver, index) => solver.render(this, `solvers[${index}]`));

    this.issuerRef = { name, kind: this.kind.kind, group: CERT_MANAGER_GROUP };
    this.issuesWildcardNames = props.solvers.some((solver) => solver.provesWildcardNames);
    this.resource = new ClusterIssuer(this, 'Resource', {
      metadata: { name },
      spec: {
        acme: {
          server: props.server.directoryUrl,
          email: props.email,
          privateKeySecretRef: { name: this.privateKeySecretName },
          solvers,
        },
      },
    });
    makeClusterScoped(this.resource);
  }
}

function requireEmail(scope: Construct, email: string): void {
  const at = email.lastIndexOf('@');
  const local = at > 0 ? email.slice(0, at) : '';
  const domain = at > 0 ? email.slice(at + 1) : '';
  const domainValid = domain.includes('.') && dnsNameProblem(domain.toLowerCase(), false) === undefined;
  if (!EMAIL_LOCAL_PART.test(local) || !domainValid) {
    reject(scope, 'email', email, 'must be an e-mail address such as \'platform@example.com\'',
      'give a mailbox the team reads; the ACME CA registers the account with it');
  }
}
