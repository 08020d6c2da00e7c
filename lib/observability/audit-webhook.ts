import { IConstruct } from 'constructs';
import { reject } from '../core/errors';
import { SecretSetting } from '../tenant/secret-setting';

/** Where a tenant sends its audit log: one event per S3 and admin call. */
export interface TenantAuditWebhookOptions {
  /** The receiver's URL, e.g. `AuditLogCollector.webhookEndpoint`. `http` is acceptable only inside the cluster. */
  readonly endpoint: string;
  /**
   * The value MinIO sends verbatim as the `Authorization` header (add `Bearer ` yourself if the receiver expects it),
   * delivered through config.env like every secret setting.
   *
   * @default - no Authorization header
   */
  readonly authToken?: SecretSetting;
  /**
   * Events MinIO keeps in memory while the receiver is unreachable; beyond that, events are dropped.
   *
   * @default 100000 (MinIO's default)
   */
  readonly queueSize?: number;
  /**
   * Events per request. MinIO sends a batch as JSON lines without a Content-Type, which Fluent Bit's http input
   * refuses with 400, so keep 1 for an {@link AuditLogCollector}.
   *
   * @default 1
   */
  readonly batchSize?: number;
}

/** MinIO's audit webhook settings (minio/minio internal/logger/config.go, `EnvAuditWebhook*`, default target). */
const PREFIX = 'MINIO_AUDIT_WEBHOOK_';
/** The variable whose value is secret. */
export const AUDIT_WEBHOOK_AUTH_TOKEN = `${PREFIX}AUTH_TOKEN`;

/** The checked audit webhook, as literal settings and the one secret setting. */
export interface RenderedAuditWebhook {
  readonly env: Readonly<Record<string, string>>;
  readonly authToken?: SecretSetting;
}

/**
 * Checks the options the way MinIO's lookupAuditWebhookConfig does when the server starts (an endpoint that parses
 * as an http(s) URL, queue and batch sizes above 0), so a tenant is refused here instead of failing to start.
 */
export function renderAuditWebhook(scope: IConstruct, field: string, options: TenantAuditWebhookOptions): RenderedAuditWebhook {
  const endpoint = options?.endpoint;
  let url: URL | undefined;
  try {
    url = typeof endpoint === 'string' ? new URL(endpoint) : undefined;
  } catch {
    url = undefined;
  }
  if (url === undefined || !['http:', 'https:'].includes(url.protocol) || url.username !== '' || url.password !== '') {
    reject(scope, `${field}.endpoint`, url?.username || url?.password ? 'a URL with credentials' : endpoint,
      'must be an http or https URL without credentials', 'use e.g. auditCollector.webhookEndpoint; pass a token as authToken');
  }
  const queueSize = positiveInteger(scope, `${field}.queueSize`, options.queueSize ?? 100_000);
  const batchSize = positiveInteger(scope, `${field}.batchSize`, options.batchSize ?? 1);
  if (options.authToken !== undefined && !(options.authToken instanceof SecretSetting)) {
    reject(scope, `${field}.authToken`, typeof options.authToken, 'must be a SecretSetting',
      'use SecretSetting.fromKeyVault(...) or SecretSetting.inConfigurationSecret()');
  }
  return {
    env: {
      [`${PREFIX}ENABLE`]: 'on',
      [`${PREFIX}ENDPOINT`]: url.toString(),
      [`${PREFIX}QUEUE_SIZE`]: String(queueSize),
      [`${PREFIX}BATCH_SIZE`]: String(batchSize),
    },
    authToken: options.authToken,
  };
}

function positiveInteger(scope: IConstruct, field: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    reject(scope, field, value, 'must be a whole number of at least 1', 'MinIO refuses to start otherwise (errInvalidQueueSize, errInvalidBatchSize)');
  }
  return value;
}
