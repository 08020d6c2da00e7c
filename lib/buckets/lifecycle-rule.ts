import { IConstruct } from 'constructs';
import { reject } from '../core/errors';
import { compareOrdinal } from '../core/ordinal-order';
import type { IRemoteTier } from '../tiering/remote-tier';

/** Moving objects to a remote tier after a number of days. */
export interface TierTransition {
  /** The tier, e.g. an `AzureBlobTier`; it must be one of the provisioner's `tiers`. */
  readonly tier: IRemoteTier;
  /** Days after creation (or, for noncurrent versions, after becoming noncurrent). */
  readonly afterDays: number;
}

/**
 * One lifecycle rule of a bucket: which objects (prefix and tags) and what happens to them (transition to a tier,
 * expiry), for current and noncurrent versions. An object transitions once: MinIO moves it to a tier and keeps a
 * reference, and there are no chains from tier to tier.
 */
export interface LifecycleRule {
  /** Objects whose keys start with this. @default - every object */
  readonly prefix?: string;
  /** Objects carrying all of these tags. @default - no tag condition */
  readonly tags?: Record<string, string>;
  /** Move current versions to a tier. @default - no transition */
  readonly transition?: TierTransition;
  /** Move noncurrent versions to a tier (versioned buckets). @default - no transition */
  readonly noncurrentTransition?: TierTransition;
  /** Delete current versions this many days after creation. @default - never */
  readonly expireAfterDays?: number;
  /** Delete noncurrent versions this many days after they became noncurrent (versioned buckets). @default - never */
  readonly expireNoncurrentAfterDays?: number;
}

const PREFIX = /^[A-Za-z0-9!_.*'()/-]{1,1024}$/;
const TAG_PART = /^[A-Za-z0-9_.:/=+@-]{1,256}$/;

/** A rule's lifecycle JSON for `mc ilm rule import` (minio-go pkg/lifecycle Rule), without its ID. @internal */
export interface RenderedRule {
  readonly Status: 'Enabled';
  readonly Filter?: unknown;
  readonly Transition?: { Days: number; StorageClass: string };
  readonly NoncurrentVersionTransition?: { NoncurrentDays: number; StorageClass: string };
  readonly Expiration?: { Days: number };
  readonly NoncurrentVersionExpiration?: { NoncurrentDays: number };
}

/** Checks one rule and renders it. @internal */
export function renderLifecycleRule(scope: IConstruct, field: string, rule: LifecycleRule, tierNames: string[]): RenderedRule {
  if (rule.prefix !== undefined && !PREFIX.test(rule.prefix)) {
    reject(scope, `${field}.prefix`, rule.prefix, 'is not a usable key prefix', 'use letters, digits and !_.*\'()/-, e.g. logs/');
  }
  const tags = Object.entries(rule.tags ?? {}).sort(([a], [b]) => compareOrdinal(a, b));
  for (const [key, value] of tags) {
    if (!TAG_PART.test(key) || !TAG_PART.test(value)) {
      reject(scope, `${field}.tags.${key}`, value, 'is not a usable tag', 'use keys and values of letters, digits and _.:/=+@-');
    }
  }
  if (tags.length === 1 && rule.prefix === undefined) {
    // MinIO accepts an And filter only with two predicates (minio/minio internal/bucket/lifecycle/and.go), and
    // mc's JSON import reads a filter's tags only inside And (minio-go pkg/lifecycle Filter: Tag is json:"-").
    reject(scope, `${field}.tags`, rule.tags, 'cannot be a single tag without a prefix',
      'add a prefix (\'\' is not enough; e.g. the top folder) or a second tag');
  }
  const actions = [rule.transition, rule.noncurrentTransition, rule.expireAfterDays, rule.expireNoncurrentAfterDays];
  if (actions.every((action) => action === undefined)) {
    reject(scope, field, rule, 'does nothing', 'give transition, noncurrentTransition, expireAfterDays or expireNoncurrentAfterDays');
  }
  const days = (name: string, value: number | undefined, minimum: number) => {
    if (value !== undefined && (!Number.isInteger(value) || value < minimum)) {
      reject(scope, `${field}.${name}`, value, `must be a whole number of days, at least ${minimum}`, `use e.g. ${Math.max(minimum, 30)}`);
    }
    return value;
  };
  const tier = (name: string, transition: TierTransition | undefined) => {
    if (transition === undefined) return undefined;
    days(`${name}.afterDays`, transition.afterDays, 0);
    if (!tierNames.includes(transition.tier?.tierName)) {
      reject(scope, `${name === 'transition' ? field + '.transition' : field + '.noncurrentTransition'}.tier`, transition.tier?.tierName,
        'is not one of the provisioner\'s tiers', 'add the AzureBlobTier to the TenantProvisioner\'s tiers');
    }
    return transition;
  };
  const current = tier('transition', rule.transition);
  const noncurrent = tier('noncurrentTransition', rule.noncurrentTransition);
  const expire = days('expireAfterDays', rule.expireAfterDays, 1);
  const expireNoncurrent = days('expireNoncurrentAfterDays', rule.expireNoncurrentAfterDays, 1);
  if (current && expire !== undefined && expire <= current.afterDays) {
    reject(scope, `${field}.expireAfterDays`, expire, `must be later than the transition (${current.afterDays} days)`,
      'expire after the transition, or drop the transition');
  }
  if (noncurrent && expireNoncurrent !== undefined && expireNoncurrent <= noncurrent.afterDays) {
    reject(scope, `${field}.expireNoncurrentAfterDays`, expireNoncurrent, `must be later than the noncurrent transition (${noncurrent.afterDays} days)`,
      'expire after the transition, or drop the transition');
  }
  const tagList = tags.map(([Key, Value]) => ({ Key, Value }));
  const filter = tags.length > 0 ? { And: { Prefix: rule.prefix, Tags: tagList } } : rule.prefix !== undefined ? { Prefix: rule.prefix } : undefined;
  return {
    Status: 'Enabled',
    Filter: filter,
    Transition: current && { Days: current.afterDays, StorageClass: current.tier.tierName },
    NoncurrentVersionTransition: noncurrent && { NoncurrentDays: noncurrent.afterDays, StorageClass: noncurrent.tier.tierName },
    Expiration: expire === undefined ? undefined : { Days: expire },
    NoncurrentVersionExpiration: expireNoncurrent === undefined ? undefined : { NoncurrentDays: expireNoncurrent },
  };
}

/**
 * Refuses rules of one bucket that would move one object twice (an object transitions once) or send one prefix to
 * two tiers. Two rules overlap when one prefix starts with the other and their tags do not contradict each other.
 * @internal
 */
export function requireSingleTransitions(scope: IConstruct, field: string, rules: readonly LifecycleRule[]): void {
  for (const kind of ['transition', 'noncurrentTransition'] as const) {
    const moving = rules.map((rule, index) => ({ rule, index })).filter(({ rule }) => rule[kind] !== undefined);
    for (let a = 0; a < moving.length; a++) {
      for (let b = a + 1; b < moving.length; b++) {
        const first = moving[a].rule;
        const second = moving[b].rule;
        if (!overlaps(first, second)) continue;
        const [tierA, tierB] = [first[kind]!.tier.tierName, second[kind]!.tier.tierName];
        const where = `${field}[${moving[b].index}]`;
        if ((first.prefix ?? '') === (second.prefix ?? '') && tierA !== tierB) {
          reject(scope, `${where}.${kind}.tier`, tierB,
            `transitions prefix '${first.prefix ?? ''}' to another tier than rule ${moving[a].index} (${tierA})`,
            'send one prefix to one tier');
        }
        reject(scope, `${where}.${kind}`, `${tierB} after ${second[kind]!.afterDays} days`,
          `would move objects that rule ${moving[a].index} already moves to ${tierA}: an object transitions once, there are no chained transitions`,
          'give the rules prefixes or tags that do not overlap, or keep one transition');
      }
    }
  }
}

function overlaps(a: LifecycleRule, b: LifecycleRule): boolean {
  const [pa, pb] = [a.prefix ?? '', b.prefix ?? ''];
  if (!pa.startsWith(pb) && !pb.startsWith(pa)) return false;
  const tagsA = a.tags ?? {};
  const tagsB = b.tags ?? {};
  return Object.keys(tagsA).every((key) => !(key in tagsB) || tagsA[key] === tagsB[key]);
}
