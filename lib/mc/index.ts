export { McImage } from './mc-image';
export { MinioEndpoint } from './minio-endpoint';
export type { ExternalEndpointOptions, S3Credentials, TenantEndpointOptions } from './minio-endpoint';
