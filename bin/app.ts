#!/usr/bin/env node
/**
 * CDK app entry: the only place that reads CDK context. Synthesizes one stage per environment
 * (Dev, Staging, Prod) offline, with cdk-nag AwsSolutions checks on every synth.
 *
 *   npx cdk synth                               all environments
 *   npx cdk synth -c env=dev                    only Dev (comma-separate several: -c env=dev,prod)
 *   npx cdk synth -c dev.service.maxTasks=4     override one config field for one environment
 *   npx cdk synth -c cfnValidation=true         also run CDK's built-in CloudFormation template validation
 *   npx cdk synth -c controlTower=true          also check the AWS Control Tower proactive controls
 */
import { App, CloudFormationValidatePlugin, Validations } from 'aws-cdk-lib';
import {
  applyOverrides,
  ConfigOverrideError,
  ConfigValidationError,
  ENVIRONMENT_NAMES,
  ENVIRONMENTS,
  type EnvironmentName,
  overridesFromContext,
} from '../lib/config';
import { addControlTowerChecks, addNagChecks } from '../lib/nag/checks';
import { RegistryStage, STAGE_IDS } from '../lib/stages/registry-stage';

// The CLI only enforces validation reports for the stacks it selected, and a bare `cdk synth`
// selects none when every stack sits in a stage. Let the app itself fail on any cdk-nag
// finding instead ("process" mode: print the report, exit 1, no stack trace).
//
// The built-in CloudFormation schema/rule validation costs ~10 s of CPU for the nine stacks, so
// `cdk synth` runs it only with `-c cfnValidation=true`; the unit tests synthesize every stage
// with it on (their App keeps the default), so CI still checks every template against it.
const app = new App({
  builtinCloudFormationValidation: false,
  postCliContext: {
    '@aws-cdk/core:failSynthOnValidationErrors': true,
    '@aws-cdk/core:appMode': 'process',
  },
});

/** A mistake in the configuration or the command line: reported as its message alone. */
class UsageError extends Error {}

function selectedEnvironments(): EnvironmentName[] {
  const raw = app.node.tryGetContext('env') as string | undefined;
  if (raw === undefined || raw === '') return [...ENVIRONMENT_NAMES];
  const names = String(raw)
    .split(',')
    .map((s) => s.trim());
  const unknown = names.filter((n) => !(ENVIRONMENT_NAMES as readonly string[]).includes(n));
  if (unknown.length > 0) {
    throw new UsageError(`-c env=${raw}: unknown environment ${unknown.join(', ')}; use ${ENVIRONMENT_NAMES.join(', ')}`);
  }
  return names as EnvironmentName[];
}

try {
  const context = app.node.getAllContext();
  for (const name of selectedEnvironments()) {
    const config = applyOverrides(ENVIRONMENTS[name], overridesFromContext(name, context));
    new RegistryStage(app, STAGE_IDS[name], { config });
  }
} catch (e) {
  if (e instanceof UsageError || e instanceof ConfigValidationError || e instanceof ConfigOverrideError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}

addNagChecks(app);
if (String(app.node.tryGetContext('cfnValidation')) === 'true') {
  Validations.of(app).addPlugins(new CloudFormationValidatePlugin());
}
// cfn-guard costs a few seconds per synth of all stages; the tests always run it.
if (String(app.node.tryGetContext('controlTower')) === 'true') {
  addControlTowerChecks(app);
}
