import { describeFargateMemory, validFargateMemory } from '../../../../lib/config/validation/fargate';

test('Fargate memory table', () => {
  expect(validFargateMemory(256)).toEqual([512, 1024, 2048]);
  expect(validFargateMemory(512)).toEqual([1024, 2048, 3072, 4096]);
  expect(validFargateMemory(1024)).toContain(8192);
  expect(validFargateMemory(1024)).not.toContain(1024);
  expect(validFargateMemory(300)).toEqual([]);
  expect(describeFargateMemory(4096)).toBe('8192 to 30720 in steps of 1024');
});
