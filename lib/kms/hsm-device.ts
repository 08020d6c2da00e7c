import { Construct, IConstruct } from 'constructs';
import { reject } from '../core/errors';
import { isDnsSubdomain } from '../core/names';
import { HsmDevice as HsmDeviceResource, HsmDeviceSpecDiscoveryUsb } from '../imports/hsm.j5t.io';
import { requireHsmOperatorInt32 } from './hsm-int32';
import { HsmMirroringOptions, renderHsmMirroring } from './hsm-mirroring';
import { HsmSecretsOperator } from './hsm-secrets-operator';
import { SecretValue } from '../core/secret-value';

/**
 * The kinds of device the HSM Secrets Operator knows (api/v1alpha1/hsmdevice_types.go, `HSMDeviceType`). The
 * operator requests the device from the kubelet as the extended resource `hsm.j5t.io/<type in lower case>`.
 */
export class HsmDeviceType {
  /** A Pico HSM (USB IDs 20a0:4230 in the operator's examples). */
  public static readonly PICO_HSM = new HsmDeviceType('PicoHSM');
  /** A SmartCard-HSM. */
  public static readonly SMARTCARD_HSM = new HsmDeviceType('SmartCard-HSM');
  /** Any other device with a PKCS#11 module. */
  public static readonly GENERIC = new HsmDeviceType('Generic');

  private constructor(
    /** The value of `spec.deviceType`. */
    public readonly value: string,
  ) {}
}

/** A USB device the operator's discovery DaemonSet claims for an {@link HsmDevice}. */
export interface UsbDeviceSelector {
  /** USB vendor ID, four hex digits, e.g. `20a0`. */
  readonly vendorId: string;
  /** USB product ID, four hex digits, e.g. `4230`. */
  readonly productId: string;
  /**
   * Serial number of one particular device.
   *
   * @default - every device with these IDs
   */
  readonly serialNumber?: string;
}

/** How the operator talks to the device. */
export interface HsmPkcs11Options {
  /**
   * Absolute path of the PKCS#11 module inside the operator's agent image, e.g. `/usr/lib/opensc-pkcs11.so`
   * (the agent image installs OpenSC).
   */
  readonly libraryPath: string;

  /**
   * The Secret key holding the user PIN. The Secret must be in the operator's namespace: the agent reads it there
   * whatever namespace the reference names (internal/hsm/pin_provider.go). The PIN itself never enters a manifest.
   */
  readonly pin: SecretValue;

  /**
   * Label of the token to use; surrounding spaces of the token's label are ignored when it is compared.
   *
   * @default - the token in the first slot that has one
   */
  readonly tokenLabel?: string;

  /**
   * Whether the agent may initialize a blank token (and only a blank one), setting the user PIN from `pin`.
   *
   * @default false
   */
  readonly autoProvision?: boolean;
}

/** Properties of an {@link HsmDevice}. */
export interface HsmDeviceProps {
  /** The operator instance that manages the device; the HSMDevice is created in its namespace. */
  readonly operator: HsmSecretsOperator;

  /** Name of the HSMDevice (at most 63 characters: the operator copies it into label values). */
  readonly name: string;

  /** The kind of device. */
  readonly deviceType: HsmDeviceType;

  /**
   * The USB devices to claim. Give at least one, or turn on `autoDiscovery`.
   *
   * @default - none
   */
  readonly usbDevices?: UsbDeviceSelector[];

  /**
   * Claims every USB device that pcscd's CCID driver knows. Safe only when no other HSMDevice exists, since
   * two auto-discovering HSMDevices claim the same devices.
   *
   * @default false
   */
  readonly autoDiscovery?: boolean;

  /** PKCS#11 settings. */
  readonly pkcs11: HsmPkcs11Options;

  /**
   * Discovers devices on this node only. Incompatible with `mirroring`, whose mirrors live on other nodes.
   *
   * @default - every node the operator's discovery DaemonSet runs on
   */
  readonly node?: string;

  /**
   * How many matching devices the discovery agent claims on each node.
   *
   * @default 10
   */
  readonly maxDevicesPerNode?: number;

  /**
   * Mirroring to other nodes, so the secrets on the device stay readable while its node is down.
   *
   * @default - no mirroring
   */
  readonly mirroring?: HsmMirroringOptions;
}

/** A PKCS#11 token label is a 32-byte field (PKCS#11 `CK_TOKEN_INFO.label`). */
const TOKEN_LABEL_MAX_BYTES = 32;

/**
 * An HSM device for the HSM Secrets Operator (`hsm.j5t.io/v1alpha1` HSMDevice): the operator discovers matching
 * USB devices on the nodes, runs one agent per device, and syncs HSMSecrets from them.
 *
 * The HSMDevice lives in the operator's namespace: the operator runs the device's discovery DaemonSet there with
 * its own ServiceAccount (internal/controller/discovery_daemonset_controller.go) and its agents read the PIN
 * Secret there. That namespace cannot be Pod Security "restricted": discovery mounts host paths and agents run as
 * root. The operator makes the HSMPool `<name>-pool` itself (same file, `ensureHSMPool`), so none is created here.
 */
export class HsmDevice extends Construct {
  /** Name of the HSMDevice. */
  public readonly name: string;

  /** The operator instance that manages the device; give it to `HsmKeySource.fromHsmSecretsOperator`. */
  public readonly operator: HsmSecretsOperator;

  public constructor(scope: Construct, id: string, props: HsmDeviceProps) {
    super(scope, id);
    props.operator._validate(this, 'operator');
    this.operator = props.operator;
    this.name = requireDeviceName(this, props.name);
    if (props.mirroring !== undefined && props.node !== undefined) {
      reject(this, 'node', props.node,
        'pins discovery to one node, so the mirror nodes\' devices are never found',
        'leave node out when mirroring; the operator discovers devices only by the node name (internal/modes/discovery/discovery.go)');
    }
    const maxDevices = requireHsmOperatorInt32(this, 'maxDevicesPerNode', props.maxDevicesPerNode ?? 10, 1, 'devices', 'use e.g. 1 per HSM plugged into a node');

    new HsmDeviceResource(this, 'Resource', {
      metadata: { name: this.name, namespace: this.operator.namespace },
      spec: {
        deviceType: props.deviceType.value,
        discovery: renderDiscovery(this, props.usbDevices ?? [], props.autoDiscovery ?? false),
        ...(props.node !== undefined ? { nodeSelector: { 'kubernetes.io/hostname': requireNode(this, props.node) } } : {}),
        pkcs11: renderPkcs11(this, props.pkcs11),
        maxDevices,
        ...(props.mirroring !== undefined ? { mirroring: renderHsmMirroring(this, props.mirroring) } : {}),
      },
    });
  }
}

function requireDeviceName(scope: IConstruct, name: string): string {
  if (!isDnsSubdomain(name) || name.length > 63) {
    reject(scope, 'name', name,
      'must be a DNS-1123 subdomain of at most 63 characters (the operator puts it in the label hsm.j5t.io/device)',
      'use lower-case letters, digits, \'-\' and \'.\', starting and ending with a letter or digit');
  }
  return name;
}

function requireNode(scope: IConstruct, node: string): string {
  // The discovery agent compares the node name with the `kubernetes.io/hostname` selector only; any other
  // selector key makes it skip every node (internal/modes/discovery/discovery.go, `shouldDiscoverOnNode`).
  if (!isDnsSubdomain(node) || node.length > 63) {
    reject(scope, 'node', node, 'is not a node name usable as the kubernetes.io/hostname label (a DNS-1123 subdomain of at most 63 characters)',
      'use the name `kubectl get nodes` shows');
  }
  return node;
}

function renderDiscovery(scope: IConstruct, usb: UsbDeviceSelector[], autoDiscovery: boolean) {
  if (usb.length === 0 && !autoDiscovery) {
    // With neither, the discovery agent matches nothing (internal/discovery/usb.go, `matchesCriteria`).
    reject(scope, 'usbDevices', usb, 'is empty and autoDiscovery is off, so no device would ever be found',
      'list the USB vendor and product IDs of the HSM, e.g. { vendorId: \'20a0\', productId: \'4230\' } for a Pico HSM');
  }
  const selectors: HsmDeviceSpecDiscoveryUsb[] = usb.map((device, index) => {
    requireUsbId(scope, `usbDevices[${index}].vendorId`, device.vendorId);
    requireUsbId(scope, `usbDevices[${index}].productId`, device.productId);
    if (device.serialNumber !== undefined && device.serialNumber.trim() === '') {
      // An empty serial is dropped by the operator (omitempty) and would claim every device with these IDs.
      reject(scope, `usbDevices[${index}].serialNumber`, device.serialNumber, 'is blank', 'give the device\'s serial number, or leave it out to claim every device with these IDs');
    }
    return { vendorId: device.vendorId.toLowerCase(), productId: device.productId.toLowerCase(), ...(device.serialNumber !== undefined ? { serialNumber: device.serialNumber } : {}) };
  });
  return { autoDiscovery, ...(selectors.length > 0 ? { usb: selectors } : {}) };
}

function requireUsbId(scope: IConstruct, field: string, id: string): void {
  // The operator compares IDs case-insensitively with the four hex digits udev reports; an empty ID matches any device.
  if (!/^[0-9a-fA-F]{4}$/.test(id)) {
    reject(scope, field, id, 'must be four hex digits', 'copy it from `lsusb` (vendor:product), e.g. \'20a0\'');
  }
}

function renderPkcs11(scope: IConstruct, options: HsmPkcs11Options) {
  // Without a library path the agent silently falls back to an in-memory mock instead of the device
  // (internal/modes/agent/agent.go), so the path is required and must be absolute to be found.
  if (!/^\/[^\s]*[^/\s]$/.test(options.libraryPath)) {
    reject(scope, 'pkcs11.libraryPath', options.libraryPath, 'must be the absolute path of a PKCS#11 module file',
      'use e.g. \'/usr/lib/opensc-pkcs11.so\'');
  }
  const pin = SecretValue.validate(scope, 'pkcs11.pin', options.pin);
  if (options.tokenLabel !== undefined) requireTokenLabel(scope, options.tokenLabel);
  return {
    libraryPath: options.libraryPath,
    // slotId is left to the CRD's default 0: the agent then uses PKCS#11 and selects the token by label, or the
    // first slot with a token; it never selects by slot ID (internal/hsm/pkcs11_cgo.go, UseSlotID is never set).
    pinSecret: { name: pin.secretName, key: pin.key },
    ...(options.tokenLabel !== undefined ? { tokenLabel: options.tokenLabel } : {}),
    autoProvision: options.autoProvision ?? false,
  };
}

function requireTokenLabel(scope: IConstruct, label: string): void {
  // The agent compares the token's label, trimmed of spaces, with this value (internal/hsm/pkcs11_cgo.go).
  if (label.trim() !== label || label === '') {
    reject(scope, 'pkcs11.tokenLabel', label, 'is blank or has leading or trailing spaces, so it never matches a token\'s trimmed label', 'give the label without surrounding spaces');
  }
  if (Buffer.byteLength(label, 'utf8') > TOKEN_LABEL_MAX_BYTES) {
    reject(scope, 'pkcs11.tokenLabel', label, `is longer than the ${TOKEN_LABEL_MAX_BYTES} bytes a PKCS#11 token label holds`, 'give the label `pkcs11-tool --list-slots` shows');
  }
}
