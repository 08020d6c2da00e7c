import { ApiObject, Chart } from 'cdk8s';
import { IConstruct, IValidation } from 'constructs';
import { isClusterScoped } from './apply-order';
import { reject } from './errors';

/**
 * One object per kind, namespace and name: two objects under one identity would overwrite each other when applied
 * (the last one wins silently, and a GitOps engine flips between them). Library constructs claim their objects'
 * identities when they are created, so the second one fails with its construct path; every other object of a
 * {@link GitOpsChart} is checked across the whole app at synth.
 */

/** Which construct claimed each object identity, per app. */
const claims = new WeakMap<IConstruct, Map<string, string>>();
/** Apps whose objects are checked at synth already. */
const checkedApps = new WeakSet<IConstruct>();

/**
 * Claims the identity of `apiObject` for the construct that creates it, or rejects it when another object of the
 * same app has that identity already.
 */
export function claimObjectIdentity(scope: IConstruct, apiObject: ApiObject): void {
  const identity = objectIdentity(apiObject);
  claim(scope, identity.key, apiObject.node.path, (owner) => reject(scope, 'name', identity.name,
    `is taken: ${identity.description} is defined by ${owner} already`, 'give one of them another name (or namespace)'));
}

/**
 * Claims an object that `scope` makes another controller create (e.g. the Service the MinIO Operator creates for
 * a Tenant), calling `refuse` with the construct path of an earlier claimant.
 */
export function claimIndirectObject(
  scope: IConstruct, apiVersion: string, kind: string, namespace: string, name: string, refuse: (owner: string) => never,
): void {
  claim(scope, identityKey(apiVersion, kind, namespace, name), scope.node.path, refuse);
}

function claim(scope: IConstruct, key: string, claimant: string, refuse: (owner: string) => never): void {
  const root = scope.node.root;
  const claimed = claims.get(root) ?? new Map<string, string>();
  claims.set(root, claimed);
  const owner = claimed.get(key);
  if (owner !== undefined && owner !== claimant) refuse(owner);
  claimed.set(key, claimant);
}

function identityKey(apiVersion: string, kind: string, namespace: string | undefined, name: string): string {
  // The API group, not the version: policy/v1 and policy/v1beta1 PodDisruptionBudgets are the same object.
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  return JSON.stringify([group, kind, namespace ?? '', name]);
}

/** Makes the synth of `scope`'s app fail when two of its objects share kind, namespace and name. */
export function checkObjectIdentitiesAtSynth(scope: IConstruct): void {
  const root = scope.node.root;
  if (checkedApps.has(root)) return;
  checkedApps.add(root);
  root.node.addValidation(new UniqueObjectIdentities(root));
}

class UniqueObjectIdentities implements IValidation {
  public constructor(private readonly root: IConstruct) {}

  public validate(): string[] {
    const seen = new Map<string, ApiObject>();
    const errors: string[] = [];
    for (const apiObject of this.root.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject)) {
      const identity = objectIdentity(apiObject);
      const first = seen.get(identity.key);
      if (first === undefined) {
        seen.set(identity.key, apiObject);
        continue;
      }
      errors.push(`${apiObject.node.path}: ${identity.description} is also defined by ${first.node.path}: `
        + 'two objects of one kind, namespace and name overwrite each other when applied; give one of them another name');
    }
    return errors;
  }
}

interface ObjectIdentity {
  readonly key: string;
  readonly name: string;
  readonly description: string;
}

function objectIdentity(apiObject: ApiObject): ObjectIdentity {
  const namespace = isClusterScoped(apiObject.kind) ? undefined : apiObject.metadata.namespace ?? Chart.of(apiObject).namespace;
  const name = apiObject.name;
  const where = namespace === undefined ? name : `${namespace}/${name}`;
  return {
    key: identityKey(apiObject.apiVersion, apiObject.kind, namespace, name),
    name,
    description: `${apiObject.kind} ${where}`,
  };
}
