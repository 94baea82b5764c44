/** Format checks for config values. Each returns true when the value is well-formed. */

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4_CIDR = new RegExp(`^${OCTET}(\\.${OCTET}){3}/(3[0-2]|[12]?\\d)$`);
const PARTITION = 'arn:aws(-cn|-us-gov|-iso|-iso-b)?';
const REGION = '[a-z]{2}(-[a-z]+)+-\\d';
const ACCOUNT = '\\d{12}';

export function isIpv4Cidr(value: string): boolean {
  return IPV4_CIDR.test(value);
}

export function isCertificateArn(value: string): boolean {
  return new RegExp(`^${PARTITION}:acm:${REGION}:${ACCOUNT}:certificate/[0-9a-f-]{36}$`).test(value);
}

export function isSecretArn(value: string): boolean {
  return new RegExp(`^${PARTITION}:secretsmanager:${REGION}:${ACCOUNT}:secret:[\\w/+=.@-]+$`).test(value);
}

export function isMskClusterArn(value: string): boolean {
  return new RegExp(`^${PARTITION}:kafka:${REGION}:${ACCOUNT}:cluster/[\\w-]+/[0-9a-f-]+(-\\d+)?$`).test(value);
}

export function isSecurityGroupId(value: string): boolean {
  return /^sg-([0-9a-f]{8}|[0-9a-f]{17})$/.test(value);
}

export function isHostedZoneId(value: string): boolean {
  return /^Z[A-Z0-9]{1,31}$/.test(value);
}

export function isAccountId(value: string): boolean {
  return /^\d{12}$/.test(value);
}

export function isRegion(value: string): boolean {
  return new RegExp(`^${REGION}$`).test(value);
}

/** `host:port` with a port in 1..65535. */
export function isHostPort(value: string): boolean {
  const match = /^([A-Za-z0-9.-]+|\[[0-9a-fA-F:]+\]):(\d{1,5})$/.exec(value);
  return match !== null && Number(match[2]) >= 1 && Number(match[2]) <= 65535;
}

/** A standard or FIFO SNS topic ARN (`arn:aws:sns:<region>:<12-digit account>:<name>[.fifo]`). */
export function isSnsTopicArn(value: string): boolean {
  return new RegExp(`^${PARTITION}:sns:${REGION}:${ACCOUNT}:[A-Za-z0-9_-]{1,256}(\\.fifo)?$`).test(value);
}

/** A general purpose S3 bucket name: 3-63 lowercase letters, digits, dots and hyphens. */
export function isS3BucketName(value: string): boolean {
  return /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(value);
}

/** 64 lowercase hex digits (a sha256 as `sha256sum` prints it). */
export function isSha256Hex(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value);
}

/** Deliberately simple: catches typos (missing @, spaces, no domain dot), not every RFC 5322 corner. */
export function isEmailAddress(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

export function isPositiveInteger(value: number): boolean {
  return Number.isInteger(value) && value > 0;
}

/** A KMS key ARN (`arn:aws:kms:<region>:<account>:key/<key id>`), not an alias. */
export function isKmsKeyArn(value: string): boolean {
  return new RegExp(`^${PARTITION}:kms:${REGION}:${ACCOUNT}:key/(mrk-)?[0-9a-f-]{32,36}$`).test(value);
}

/** The Region field of an ARN (`arn:<partition>:<service>:<region>:...`). */
export function regionOfArn(arn: string): string {
  return arn.split(':')[3] ?? '';
}
