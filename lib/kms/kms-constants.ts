/** The port of every minkms node, for clients and peers alike. */
export const KMS_PORT = 7373;
/** The label that selects a KMS cluster's node pods. */
export const KMS_CLUSTER_LABEL = 'kms.min.io/cluster';
/** Where node pods mount their TLS Secret. */
export const KMS_TLS_DIR = '/etc/minkms/tls';
