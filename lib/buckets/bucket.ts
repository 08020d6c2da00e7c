import { createHash } from 'node:crypto';
import { Size } from 'cdk8s';
import { IConstruct } from 'constructs';
import { reject } from '../core/errors';
import { isBucketName } from './bucket-name';
import { LifecycleRule, renderLifecycleRule, requireSingleTransitions } from './lifecycle-rule';

/** Object lock retention modes (S3). */
export enum RetentionMode {
  /** Users with `s3:BypassGovernanceRetention` may still delete or shorten. */
  GOVERNANCE = 'GOVERNANCE',
  /** Nobody, not even the root user, can delete a locked version before its retention ends. */
  COMPLIANCE = 'COMPLIANCE',
}

/** The retention applied to every new object version of a locked bucket. */
export interface DefaultRetention {
  /** The mode. */
  readonly mode: RetentionMode;
  /** Days to retain; give this or `years`. @default - none */
  readonly days?: number;
  /** Years to retain; give this or `days`. @default - none */
  readonly years?: number;
}

/** Object lock (WORM) for a bucket. MinIO enables it only when a bucket is created, and never disables it. */
export interface ObjectLockOptions {
  /** Retention for new object versions. @default - none: objects are locked only when a client asks */
  readonly defaultRetention?: DefaultRetention;
}

/** A bucket of a tenant and the settings a {@link TenantProvisioner} keeps it at. */
export interface BucketOptions {
  /** The bucket name (3 to 63 lower-case letters, digits, '.' and '-'). */
  readonly name: string;
  /**
   * Versioning: `true` enables it, `false` suspends it where it is enabled (versions already written stay).
   *
   * @default - left as it is (a new bucket is unversioned, or versioned with object lock)
   */
  readonly versioning?: boolean;
  /**
   * Object lock. Only a new bucket can get it: for a bucket that exists without it, the Job fails and says so.
   *
   * @default - no object lock
   */
  readonly objectLock?: ObjectLockOptions;
  /** A hard quota on the bucket's size. @default - left as it is */
  readonly quota?: Size;
  /**
   * Default encryption with this key of the tenant's KMS (SSE-KMS); the tenant needs `encryption`, and the key must
   * exist in the KMS (the Job does not create keys).
   *
   * @default - left as it is
   */
  readonly encryptionKey?: string;
  /**
   * Lifecycle rules. When given, the bucket's whole lifecycle configuration is the library's: a change replaces it,
   * rules added by hand included.
   *
   * @default - the lifecycle configuration is left as it is
   */
  readonly lifecycle?: LifecycleRule[];
}

/** One bucket as the provisioning script takes it. @internal */
export interface RenderedBucket {
  readonly name: string;
  /** `on`, `off` or `-` (leave). */
  readonly versioning: string;
  readonly lock: boolean;
  /** `MODE VALIDITY` for mc (`30d`, `1y`) and as `mc retention info` prints it (`30DAYS`), or undefined. */
  readonly retention?: { mode: string; validity: string; shown: string };
  readonly quotaBytes?: number;
  readonly encryptionKey?: string;
  readonly lifecycle?: { document: string; fingerprint: string };
}

const KMS_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Checks a bucket's options and renders what the script needs. @internal */
export function renderBucket(scope: IConstruct, field: string, bucket: BucketOptions, tierNames: string[]): RenderedBucket {
  if (typeof bucket?.name !== 'string' || !isBucketName(bucket.name)) {
    reject(scope, `${field}.name`, bucket?.name, 'is not a valid bucket name',
      'use 3 to 63 lower-case letters, digits, \'.\' and \'-\', starting and ending with a letter or digit');
  }
  const lock = bucket.objectLock !== undefined;
  if (lock && bucket.versioning === false) {
    reject(scope, `${field}.versioning`, false, 'cannot be false with object lock', 'object lock needs versioning: drop versioning or the lock');
  }
  const retention = bucket.objectLock?.defaultRetention && renderRetention(scope, `${field}.objectLock.defaultRetention`, bucket.objectLock.defaultRetention);
  let quotaBytes: number | undefined;
  if (bucket.quota !== undefined) {
    quotaBytes = bucket.quota.toKibibytes() * 1024;
    if (!Number.isSafeInteger(quotaBytes) || quotaBytes < 1024 * 1024) {
      reject(scope, `${field}.quota`, `${quotaBytes} bytes`, 'must be a whole number of bytes, at least 1 MiB', 'use e.g. Size.tebibytes(10)');
    }
  }
  if (bucket.encryptionKey !== undefined && !KMS_KEY.test(bucket.encryptionKey)) {
    reject(scope, `${field}.encryptionKey`, bucket.encryptionKey, 'is not a usable KMS key name', 'use letters, digits, \'.\', \'_\' and \'-\'');
  }
  const rules = bucket.lifecycle;
  let lifecycle: RenderedBucket['lifecycle'];
  if (rules !== undefined) {
    if (rules.length === 0) reject(scope, `${field}.lifecycle`, [], 'must hold at least one rule', 'add a rule, or leave lifecycle out');
    const rendered = rules.map((rule, i) => renderLifecycleRule(scope, `${field}.lifecycle[${i}]`, rule, tierNames));
    requireSingleTransitions(scope, `${field}.lifecycle`, rules);
    rules.forEach((rule, i) => {
      if ((rule.noncurrentTransition || rule.expireNoncurrentAfterDays !== undefined) && bucket.versioning === false) {
        reject(scope, `${field}.lifecycle[${i}]`, 'a noncurrent-version action', 'needs versioning, which this bucket suspends',
          'enable versioning or drop the noncurrent actions');
      }
    });
    const fingerprint = createHash('sha256').update(JSON.stringify(rendered)).digest('hex').slice(0, 16);
    // Each rule's ID carries the fingerprint: the script finds it in `mc ilm rule export` to know the rules apply.
    const document = JSON.stringify({ Rules: rendered.map((rule, i) => ({ ID: `minioaks-${fingerprint}-${i}`, ...rule })) });
    lifecycle = { document, fingerprint };
  }
  return {
    name: bucket.name,
    versioning: bucket.versioning === undefined ? '-' : bucket.versioning ? 'on' : 'off',
    lock,
    retention,
    quotaBytes,
    encryptionKey: bucket.encryptionKey,
    lifecycle,
  };
}

function renderRetention(scope: IConstruct, field: string, retention: DefaultRetention) {
  if (retention.mode !== RetentionMode.GOVERNANCE && retention.mode !== RetentionMode.COMPLIANCE) {
    reject(scope, `${field}.mode`, retention.mode, 'must be RetentionMode.GOVERNANCE or COMPLIANCE', 'use RetentionMode');
  }
  const given = [retention.days, retention.years].filter((v) => v !== undefined);
  if (given.length !== 1 || !Number.isInteger(given[0]) || given[0]! < 1) {
    reject(scope, field, { days: retention.days, years: retention.years }, 'must give either days or years, a whole number from 1',
      'use e.g. { mode: RetentionMode.GOVERNANCE, days: 30 }');
  }
  const [count, unit, shown] = retention.days !== undefined ? [retention.days, 'd', 'DAYS'] : [retention.years!, 'y', 'YEARS'];
  // mc retention set takes 30d or 1y (cmd/retention-common.go, parseRetentionValidity); `mc retention info
  // --default --json` prints the validity with minio-go's unit name, 30DAYS or 1YEARS (showBucketLock).
  return { mode: retention.mode, validity: `${count}${unit}`, shown: `${count}${shown}` };
}
