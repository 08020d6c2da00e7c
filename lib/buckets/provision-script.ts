import { shellScript } from '../core/shell-script';
import type { RenderedBucket } from './bucket';

/** A tier as the provisioning script adds it. */
export interface PlannedTier {
  readonly name: string;
  readonly storageAccount: string;
  readonly container: string;
  readonly prefix?: string;
  readonly endpoint: string;
  /** `key` or `sp`; the secret itself reaches the script as `TIER_<index>_SECRET` from a Secret. */
  readonly kind: 'key' | 'sp';
  readonly tenantId?: string;
  readonly clientId?: string;
}

/** A policy as the provisioning script writes it. */
export interface PlannedPolicy {
  readonly name: string;
  readonly document: string;
  readonly fingerprint: string;
}

/** What the provisioning script converges to. */
export interface ProvisionPlan {
  readonly tiers: readonly PlannedTier[];
  readonly policies: readonly PlannedPolicy[];
  readonly buckets: readonly RenderedBucket[];
  /** How long to wait for the tenant to answer. */
  readonly waitSeconds: number;
}

/**
 * The POSIX shell script of the provisioning Job: tiers first (rules name them), then policies, then buckets. It
 * reads each setting with `mc --json` and changes only what differs, so a second run changes nothing; it never
 * deletes a bucket, policy, tier or object. Every value in the plan is one word: names were validated for that.
 *
 * What it relies on in mc RELEASE.2025-08-13T08-35-41Z (minio/mc, paths under cmd/):
 * - `ls --json ALIAS` prints one object per bucket with `"key": "<bucket>/"` (ls.go, contentMessage);
 * - `version info --json` prints `"versioning": {"status": "Enabled"...}` (version-info.go);
 * - `retention info --default --json` prints `"mode"` then `"validity"` as `30DAYS` (retention-common.go,
 *   retentionBucketMessage, showBucketLock), and fails when the bucket has no object lock;
 * - `quota info --json` prints `"quota": <bytes>` (quota-set.go, quotaMessage); without a quota MinIO answers
 *   XMinioAdminNoSuchQuotaConfiguration (minio/minio cmd/api-errors.go) or an empty quota, and both read as none;
 * - `encrypt info --json` prints `"keyId"` (encrypt-info.go) and fails with ServerSideEncryptionConfigurationNotFoundError
 *   when there is no default encryption (the S3 code MinIO maps BucketSSEConfigNotFound to, cmd/api-errors.go, as it
 *   maps a missing lifecycle to NoSuchLifecycleConfiguration and a missing object lock to
 *   ObjectLockConfigurationNotFoundError);
 * - `ilm rule export` prints the lifecycle rules with their IDs, and fails with NoSuchLifecycleConfiguration (or
 *   "lifecycle configuration not set") without rules (ilm-rule-export.go); `ilm rule import` reads JSON from stdin
 *   and replaces the whole configuration (ilm-rule-import.go);
 * - `admin policy info` prints the stored document, Sids included, and fails with XMinioAdminNoSuchPolicy
 *   (minio/minio cmd/api-errors.go) for a policy that does not exist; `admin policy create` creates or replaces;
 * - `ilm tier ls --json` prints madmin TierConfig objects (`"Name"`, then `"Azure": {"AccountName", "Bucket",
 *   "Prefix"}`, ilm-tier-list.go); `ilm tier add azure` takes its credentials only as flags (ilm-tier-add.go), so the
 *   script passes them from the environment at run time: they never appear in the manifests;
 * - with `--json`, a fatal error prints a JSON object whose cause holds the server's error code (error.go, fatal).
 */
export function provisionScript(plan: ProvisionPlan): { script: string; tierSecretVariables: string[] } {
  const word = (value: string | undefined) => (value === undefined || value === '' ? '-' : value);
  const lines: string[] = [];
  const documents: Record<string, string> = {};
  plan.tiers.forEach((tier, i) => {
    lines.push(['tier', tier.name, tier.storageAccount, tier.container, word(tier.prefix), tier.endpoint, tier.kind, String(i),
      word(tier.tenantId), word(tier.clientId)].join(' '));
  });
  plan.policies.forEach((policy, i) => {
    lines.push(['policy', policy.name, policy.fingerprint, String(i)].join(' '));
    documents[`POLICY_${i}`] = policy.document;
  });
  plan.buckets.forEach((bucket, i) => {
    lines.push(['bucket', bucket.name, bucket.lock ? '1' : '0', bucket.versioning,
      word(bucket.retention?.mode), word(bucket.retention?.validity), word(bucket.retention?.shown),
      bucket.quotaBytes === undefined ? '-' : String(bucket.quotaBytes), word(bucket.encryptionKey),
      word(bucket.lifecycle?.fingerprint), bucket.lifecycle ? String(i) : '-'].join(' '));
    if (bucket.lifecycle) documents[`LIFECYCLE_${i}`] = bucket.lifecycle.document;
  });
  const script = shellScript('buckets/scripts/provision.sh', { PLAN: lines.join('\n'), WAIT_SECONDS: plan.waitSeconds, ...documents });
  return { script, tierSecretVariables: plan.tiers.map((_, i) => `TIER_${i}_SECRET`) };
}
