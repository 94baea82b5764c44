import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as targets from 'aws-cdk-lib/aws-route53-targets';
import { Construct } from 'constructs';
import type { DnsConfig } from '../../config';

export interface RegistryDnsRecordProps {
  readonly dns: DnsConfig;
  readonly loadBalancer: elbv2.IApplicationLoadBalancer;
}

/** Alias A record for the load balancer: the stable name clients switch to at cut-over. */
export class RegistryDnsRecord extends Construct {
  readonly record: route53.ARecord;
  /** Fully qualified record name without the trailing dot. */
  readonly fqdn: string;

  constructor(scope: Construct, id: string, props: RegistryDnsRecordProps) {
    super(scope, id);
    const { dns } = props;
    const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', {
      hostedZoneId: dns.hostedZoneId,
      zoneName: dns.zoneName,
    });
    const zoneName = dns.zoneName.replace(/\.$/, '');
    const record = dns.recordName.replace(/\.$/, '');
    this.fqdn = record === zoneName || record.endsWith(`.${zoneName}`) ? record : `${record}.${zoneName}`;
    this.record = new route53.ARecord(this, 'Record', {
      zone,
      recordName: this.fqdn,
      target: route53.RecordTarget.fromAlias(new targets.LoadBalancerTarget(props.loadBalancer)),
    });
  }
}
