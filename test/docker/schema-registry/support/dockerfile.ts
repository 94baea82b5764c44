import * as fs from 'node:fs';
import { DOCKERFILE } from './paths';

/** One Dockerfile instruction with continuation lines joined and comments dropped. */
export interface Instruction {
  readonly keyword: string;
  readonly args: string;
  /** Index among all instructions. */
  readonly index: number;
}

/** The instructions of docker/schema-registry/Dockerfile, in order. */
export function readInstructions(file = DOCKERFILE): Instruction[] {
  const logical: string[] = [];
  let current = '';
  for (const raw of fs.readFileSync(file, 'utf8').split('\n')) {
    const line = raw.trim();
    if (current === '' && (line === '' || line.startsWith('#'))) continue;
    if (line.startsWith('#')) continue;
    if (line.endsWith('\\')) {
      current += line.slice(0, -1) + ' ';
      continue;
    }
    logical.push(current + line);
    current = '';
  }
  return logical.map((line, index) => {
    const [keyword] = line.split(/\s/, 1);
    return { keyword: keyword.toUpperCase(), args: line.slice(keyword.length).trim(), index };
  });
}

/** `ARG NAME[=default]` instructions as name -> default (undefined when none). */
export function argDefaults(instructions: Instruction[]): Map<string, string | undefined> {
  const args = new Map<string, string | undefined>();
  for (const { args: text } of instructions.filter((i) => i.keyword === 'ARG')) {
    const eq = text.indexOf('=');
    const name = eq < 0 ? text : text.slice(0, eq);
    const value = eq < 0 ? undefined : text.slice(eq + 1);
    if (!args.has(name) || value !== undefined) args.set(name, value);
  }
  return args;
}

/** The shell body of the single RUN instruction containing `marker`. */
export function runBody(instructions: Instruction[], marker: string): string {
  const runs = instructions.filter((i) => i.keyword === 'RUN' && i.args.includes(marker));
  expect(runs).toHaveLength(1);
  return runs[0].args;
}
