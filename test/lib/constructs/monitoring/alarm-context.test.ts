import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as sns from 'aws-cdk-lib/aws-sns';
import { createEnvAlarm } from '../../../../lib/constructs/monitoring/alarm-context';
import { testApp } from '../../../helpers/app';

describe('createEnvAlarm', () => {
  test('writes every setting explicitly and notifies the topic on ALARM and OK', () => {
    const stack = new Stack(testApp(), 'Test');
    const topic = sns.Topic.fromTopicArn(stack, 'Topic', 'arn:aws:sns:eu-west-1:123456789012:alarms');
    createEnvAlarm(
      stack,
      'Alarm',
      { namePrefix: 'Staging-SchemaRegistry', topic },
      {
        nameSuffix: 'Example',
        description: 'what it means; first check',
        metric: new cloudwatch.Metric({ namespace: 'Test', metricName: 'Value', statistic: 'Maximum' }),
        threshold: 7,
        comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 4,
        datapointsToAlarm: 2,
        treatMissingData: cloudwatch.TreatMissingData.IGNORE,
      },
    );
    const alarms = Object.values(Template.fromStack(stack).findResources('AWS::CloudWatch::Alarm'));
    expect(alarms).toHaveLength(1);
    expect(alarms[0].Properties).toEqual({
      AlarmName: 'Staging-SchemaRegistry-Example',
      AlarmDescription: 'what it means; first check',
      ActionsEnabled: true,
      AlarmActions: ['arn:aws:sns:eu-west-1:123456789012:alarms'],
      OKActions: ['arn:aws:sns:eu-west-1:123456789012:alarms'],
      Namespace: 'Test',
      MetricName: 'Value',
      Statistic: 'Maximum',
      Period: 300,
      Threshold: 7,
      ComparisonOperator: 'LessThanOrEqualToThreshold',
      EvaluationPeriods: 4,
      DatapointsToAlarm: 2,
      TreatMissingData: 'ignore',
    });
  });
});
