import { Stage, type StageProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { type EnvironmentConfig, validateConfig } from '../config';
import { DataStack } from '../stacks/data-stack';
import { NetworkStack } from '../stacks/network-stack';
import { RegistryStack } from '../stacks/registry-stack';

export interface RegistryStageProps extends StageProps {
  /** The environment's configuration; validated here, so a bad value fails before any stack is built. */
  readonly config: EnvironmentConfig;
}

/** Stage id per environment: `cdk deploy 'Dev/*'`. */
export const STAGE_IDS = { dev: 'Dev', staging: 'Staging', prod: 'Prod' } as const;

/**
 * One environment: Network -> Data (stateful) -> Registry (stateless).
 * Deploy with `cdk deploy 'Dev/*'`.
 */
export class RegistryStage extends Stage {
  readonly config: EnvironmentConfig;
  readonly network: NetworkStack;
  readonly data: DataStack;
  readonly registry: RegistryStack;

  constructor(scope: Construct, id: string, props: RegistryStageProps) {
    super(scope, id, props);
    const config = validateConfig(props.config);
    this.config = config;
    const env = { account: config.account, region: config.region };

    this.network = new NetworkStack(this, 'Network', { env, config });
    this.data = new DataStack(this, 'Data', { env, config, vpc: this.network.vpc });
    this.registry = new RegistryStack(this, 'Registry', {
      env,
      config,
      vpc: this.network.vpc,
      adminSecret: this.data.adminSecret,
      accessLogsBucket: this.data.accessLogsBucket,
      createdKafka: this.data.mskCluster?.connection(),
    });

    // Monitoring plugs in here: a MonitoringStack fed by this.registry (cluster, service,
    // loadBalancer, targetGroup, minTaskCount) and config.monitoring.
    // Seeding and scheduled backups plug in here as constructs fed by this.data.bucket,
    // this.data.adminSecret and this.registry.registryUrl / serviceSecurityGroup.
  }
}
