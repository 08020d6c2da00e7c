/**
 * Strict S3 bucket naming, as mc and MinIO check it (minio-go pkg/s3utils/utils.go, CheckValidBucketNameStrict):
 * 3 to 63 characters, lower-case letters, digits, '.' and '-', starting and ending with a letter or digit, no '..',
 * '.-' or '-.', and not an IPv4 address.
 */
export function isBucketName(name: string): boolean {
  return /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) && !/\.\.|\.-|-\./.test(name) && !/^\d+\.\d+\.\d+\.\d+$/.test(name);
}
