import { createHash } from 'node:crypto';
import { IConstruct } from 'constructs';
import { reject } from '../core/errors';
import { ActionScope, S3Action } from './s3-action';
import { PolicyResource } from './policy-resource';

/** Whether a statement allows or denies. */
export enum PolicyEffect {
  ALLOW = 'Allow',
  DENY = 'Deny',
}

/** One statement of an {@link AccessPolicy}. */
export interface PolicyStatement {
  /** Allow or deny. @default PolicyEffect.ALLOW */
  readonly effect?: PolicyEffect;
  /** The actions, e.g. `S3Action.READ` or `[S3Action.GET_OBJECT]`. */
  readonly actions: readonly S3Action[];
  /** The resources, e.g. `[PolicyResource.bucket('reports'), PolicyResource.objects('reports')]`. */
  readonly resources: readonly PolicyResource[];
}

/** Who gets a policy when signing in through OpenID (Entra ID). */
export interface AccessPolicyProps {
  /**
   * The name of the policy in MinIO. Give it for a policy you attach yourself (to users or access keys); leave it
   * out with `entraGroup` or `entraAppRole`, which name the policy.
   *
   * @default - the Entra group's object ID or the app role's value
   */
  readonly name?: string;
  /**
   * The object ID of an Entra ID group whose members get this policy, for a tenant whose sign-in reads the `groups`
   * claim. MinIO maps the values of the configured claim to policies of the same name and keeps those that exist
   * (minio/minio cmd/sts-handlers.go, AssumeRoleWithWebIdentity; MinIO docs, "OpenID Connect Access Management"),
   * so the policy is named after the group. `mc admin policy attach` is for MinIO's own users and groups, not for
   * OpenID claims.
   *
   * @default - none
   */
  readonly entraGroup?: string;
  /**
   * The value of an app role of the Entra app registration whose holders get this policy, for a tenant whose
   * sign-in reads the `roles` claim; the policy is named after it.
   *
   * @default - none
   */
  readonly entraAppRole?: string;
  /** The statements, at least one. */
  readonly statements: readonly PolicyStatement[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Policy names the provisioning script can carry as one word. */
const POLICY_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
/** `s3:` and a name, or a wildcard ending. */
const ACTION_NAME = /^s3:([A-Za-z]+\*?|\*)$/;

/** The claim a policy is mapped through, if any. */
export enum PolicyClaim {
  /** Entra ID groups (`groups` claim). */
  GROUPS = 'groups',
  /** Entra ID app roles (`roles` claim). */
  ROLES = 'roles',
}

/**
 * A MinIO IAM policy built from typed statements, created or updated by a {@link TenantProvisioner} Job. With
 * `entraGroup` or `entraAppRole` it is named after the claim value, which is how MinIO's OpenID sign-in assigns it.
 */
export class AccessPolicy {
  /** The policy name in MinIO. */
  public readonly name: string;
  /** The claim that assigns it at sign-in, if any. */
  public readonly claim: PolicyClaim | undefined;
  private readonly statements: PolicyStatement[];
  private readonly props: AccessPolicyProps;

  public constructor(props: AccessPolicyProps) {
    this.props = props;
    this.name = props.entraGroup ?? props.entraAppRole ?? props.name ?? '';
    this.claim = props.entraGroup !== undefined ? PolicyClaim.GROUPS : props.entraAppRole !== undefined ? PolicyClaim.ROLES : undefined;
    this.statements = (props.statements ?? []).map((s) => ({ ...s, actions: [...s.actions ?? []], resources: [...s.resources ?? []] }));
  }

  /**
   * Checks the policy for `scope` (errors name `field`) and returns its document: IAM policy JSON whose statements
   * carry the document's fingerprint as `Sid`, so the provisioning script recognises a policy it already applied.
   *
   * @internal
   */
  public _render(scope: IConstruct, field: string): { name: string; document: string; fingerprint: string } {
    const given = [this.props.name, this.props.entraGroup, this.props.entraAppRole].filter((v) => v !== undefined);
    if (given.length !== 1) {
      reject(scope, field, given, 'must have exactly one of name, entraGroup and entraAppRole',
        'name a policy you attach yourself, or give the Entra group object ID or app role value that assigns it at sign-in');
    }
    if (this.props.entraGroup !== undefined && !GUID.test(this.props.entraGroup)) {
      reject(scope, `${field}.entraGroup`, this.props.entraGroup, 'is not a group object ID',
        'give the group\'s object ID (a GUID), which is what Entra ID puts in the groups claim');
    }
    if (!POLICY_NAME.test(this.name)) {
      reject(scope, `${field}.name`, this.name, 'is not a usable policy name',
        'use up to 128 letters, digits, \'.\', \'_\' and \'-\', starting with a letter or digit');
    }
    if (this.statements.length === 0) {
      reject(scope, `${field}.statements`, [], 'must hold at least one statement', 'add a statement with actions and resources');
    }
    const rendered = this.statements.map((statement, i) => renderStatement(scope, `${field}.statements[${i}]`, statement));
    const fingerprint = createHash('sha256').update(JSON.stringify(rendered)).digest('hex').slice(0, 16);
    const document = JSON.stringify({
      Version: '2012-10-17',
      Statement: rendered.map((statement, i) => ({ Sid: `minioaks${fingerprint}s${i}`, ...statement })),
    });
    return { name: this.name, document, fingerprint };
  }
}

function renderStatement(scope: IConstruct, field: string, statement: PolicyStatement) {
  const effect = statement.effect ?? PolicyEffect.ALLOW;
  if (effect !== PolicyEffect.ALLOW && effect !== PolicyEffect.DENY) {
    reject(scope, `${field}.effect`, effect, 'must be PolicyEffect.ALLOW or DENY', 'use PolicyEffect');
  }
  if (statement.actions.length === 0) reject(scope, `${field}.actions`, [], 'must name at least one action', 'add e.g. S3Action.GET_OBJECT');
  if (statement.resources.length === 0) {
    reject(scope, `${field}.resources`, [], 'must name at least one resource', 'add e.g. PolicyResource.objects(\'reports\')');
  }
  statement.actions.forEach((action, i) => {
    if (!(action instanceof S3Action) || !ACTION_NAME.test(action.name)) {
      reject(scope, `${field}.actions[${i}]`, action instanceof S3Action ? action.name : action, 'is not an S3 action',
        'use an S3Action constant or S3Action.custom(\'s3:<Action>\', scope)');
    }
  });
  statement.resources.forEach((resource, i) => {
    if (!(resource instanceof PolicyResource) || !resource._hasValidBucket()) {
      reject(scope, `${field}.resources[${i}]`, resource instanceof PolicyResource ? resource.arn : resource, 'does not name a valid bucket',
        'use PolicyResource.bucket(name), PolicyResource.objects(name, prefix) or PolicyResource.ALL');
    }
  });
  // An action only takes effect on resources of its scope (minio/pkg policy/statement.go, isValid for bucket
  // policies): s3:GetObject on a bucket ARN grants nothing, which is always a mistake in a policy written here.
  const kinds = new Set(statement.resources.map((r) => r.kind));
  for (const action of statement.actions) {
    const needed = action.scope === ActionScope.OBJECT ? 'object' : action.scope === ActionScope.BUCKET ? 'bucket' : undefined;
    if (needed && !kinds.has(needed) && !kinds.has('any')) {
      reject(scope, `${field}.resources`, statement.resources.map((r) => r.arn), `has no ${needed} resource for ${action.name}`,
        needed === 'object' ? 'add PolicyResource.objects(bucket, prefix)' : 'add PolicyResource.bucket(bucket)');
    }
  }
  return {
    Effect: effect,
    Action: [...new Set(statement.actions.map((a) => a.name))],
    Resource: [...new Set(statement.resources.map((r) => r.arn))],
  };
}
