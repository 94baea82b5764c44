/**
 * Valid Fargate task CPU/memory combinations (Linux), from the ECS task-size table.
 * Memory in MiB per CPU value.
 */
const FARGATE_MEMORY: Record<number, { min: number; max: number; step: number; explicit?: number[] }> = {
  256: { min: 512, max: 2048, step: 512, explicit: [512, 1024, 2048] },
  512: { min: 1024, max: 4096, step: 1024 },
  1024: { min: 2048, max: 8192, step: 1024 },
  2048: { min: 4096, max: 16384, step: 1024 },
  4096: { min: 8192, max: 30720, step: 1024 },
  8192: { min: 16384, max: 61440, step: 4096 },
  16384: { min: 32768, max: 122880, step: 8192 },
};

export const FARGATE_CPU_VALUES = Object.keys(FARGATE_MEMORY).map(Number);

/** Memory values (MiB) Fargate accepts with this CPU value, or [] for an invalid CPU value. */
export function validFargateMemory(cpu: number): number[] {
  const spec = FARGATE_MEMORY[cpu];
  if (!spec) return [];
  if (spec.explicit) return spec.explicit;
  const values: number[] = [];
  for (let m = spec.min; m <= spec.max; m += spec.step) values.push(m);
  return values;
}

/** Human-readable list of the valid memory values for a CPU value. */
export function describeFargateMemory(cpu: number): string {
  const spec = FARGATE_MEMORY[cpu];
  if (!spec) return '';
  if (spec.explicit) return spec.explicit.join(', ');
  return `${spec.min} to ${spec.max} in steps of ${spec.step}`;
}
