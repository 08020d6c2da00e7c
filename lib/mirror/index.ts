export { MinioMirror, MirrorMode } from './minio-mirror';
export type { MinioMirrorProps, MirrorMetricsEndpoint } from './minio-mirror';
